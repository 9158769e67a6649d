package io.m365insights.deploy;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.RequestAdapter;
import com.microsoft.kiota.http.OkHttpRequestAdapter;
import com.microsoft.kiota.serialization.FormParseNodeFactory;
import com.microsoft.kiota.serialization.JsonParseNodeFactory;
import com.microsoft.kiota.serialization.MultipartSerializationWriterFactory;
import com.microsoft.kiota.serialization.TextParseNodeFactory;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image would need registered for reflection, read from the bytecode: every call to a reflection or
 * class-loading API in our code and in the Microsoft Graph SDK (service library, core, Kiota). Quarkus registers
 * what its extensions know (entities, GraphQL types, config mappings); this finds what they cannot know. Our code
 * uses it in one reviewed place, on GraphQL types (which Quarkus registers); the SDK's few uses are reviewed below
 * and need no registration for the calls we make. An SDK upgrade that adds reflection fails this test, so it gets
 * reviewed before it can break the native executable.
 */
class NativeReflectionAuditTest {
    /** Class-loading and reflection entry points (owner, or owner prefix ending in '/'; method names). */
    private static final Map<String, Set<String>> REFLECTION = Map.of(
            "java/lang/Class", Set.of("forName", "getConstructor", "getConstructors", "getDeclaredConstructor",
                    "getDeclaredConstructors", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods",
                    "getField", "getFields", "getDeclaredField", "getDeclaredFields", "newInstance", "getResource",
                    "getResourceAsStream", "getDeclaredClasses", "getClasses", "getRecordComponents"),
            "java/lang/ClassLoader", Set.of("loadClass", "getResource", "getResources", "getResourceAsStream",
                    "getSystemResource", "getSystemResources", "getSystemResourceAsStream"),
            "java/lang/reflect/", Set.of("invoke", "newInstance", "get", "set", "newProxyInstance"),
            "java/util/ServiceLoader", Set.of("load", "loadInstalled"),
            "java/lang/invoke/MethodHandles$Lookup", Set.of("findVirtual", "findStatic", "findConstructor",
                    "findGetter", "findSetter", "findStaticGetter", "findStaticSetter", "findSpecial"));

    /**
     * Reviewed: reflection in the SDK that needs no registration for what we call.
     * <ul>
     * <li>GraphTelemetryHandler probes {@code Class.forName("android.os.Build")} for the User-Agent; the class is
     * absent on the JVM and in the image alike (ClassNotFoundException, caught): same result, nothing to register.</li>
     * <li>PageIterator and LargeFileUploadTask: helpers we do not use ({@code SdkMsGraphClient} follows
     * {@code @odata.nextLink} itself), unreachable in the image.</li>
     * <li>JsonSerializationWriter.writeNonParsableObject: reflects on arbitrary objects put in a request body's
     * additional data; the models we send (if any) are generated {@code Parsable}s, written without reflection.</li>
     * </ul>
     * Parsing responses, the part we use, is reflection-free: generated {@code createFromDiscriminatorValue}
     * factories, field-deserializer lambdas and Gson's tree model.
     */
    private static final Set<String> REVIEWED = Set.of(
            "com/microsoft/graph/core/requests/middleware/GraphTelemetryHandler.getAndroidAPILevelInternal",
            "com/microsoft/graph/core/tasks/PageIterator.extractNextLinkFromParsable",
            "com/microsoft/graph/core/tasks/PageIterator.extractEntityListFromParsable",
            "com/microsoft/graph/core/tasks/LargeFileUploadTask.extractSessionFromParsable",
            "com/microsoft/kiota/serialization/JsonSerializationWriter.writeNonParsableObject");

    /**
     * Reviewed: our code's classpath resource reads. Not reflection, but a native image holds only the resources it is
     * told to include: each entry names the resources it reads, which {@code quarkus.native.resources.includes} must
     * cover (checked below). TrustedDocuments reads the trusted documents (graphql-schema/), once at startup.
     */
    private static final Map<String, String> RESOURCE_READS = Map.of(
            "io/m365insights/api/documents/TrustedDocuments.read", "graphql-schema/**");

    /**
     * Reviewed: our code's reflection, each with what registers its target. PropertyFetcher.read calls the accessor of
     * a GraphQL type's plain property (api.PropertyFetchers), as SmallRye GraphQL's own FieldDataFetcher does: Quarkus
     * registers every class of the GraphQL schema for reflection, methods included.
     */
    private static final Set<String> REFLECTION_REVIEWED = Set.of("io/m365insights/api/PropertyFetcher.read");

    @Test
    void ourResourceReadsAreIncludedInTheNativeImage() throws IOException {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = Files.newInputStream(Path.of("src", "main", "resources", "application.properties"))) {
            properties.load(in);
        }
        List<String> included = List.of(properties.getProperty("quarkus.native.resources.includes", "").split(","));
        assertThat(included).containsAll(RESOURCE_READS.values());
    }

    @Test
    void ourCodeUsesNoReflection() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> classes = Files.walk(Path.of("target", "classes", "io", "m365insights"))) {
            for (Path c : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(c)) {
                    scan(in, found);
                }
            }
        }
        found.removeAll(RESOURCE_READS.keySet());
        found.removeAll(REFLECTION_REVIEWED);
        assertThat(found).as("reflection in our code needs a registration (and a reason)").isEmpty();
    }

    @Test
    void theMicrosoftGraphSdkUsesOnlyTheReviewedReflection() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Class<?> marker : new Class<?>[]{GraphServiceClient.class, GraphClientFactory.class, RequestAdapter.class,
                OkHttpRequestAdapter.class, JsonParseNodeFactory.class, TextParseNodeFactory.class,
                FormParseNodeFactory.class, MultipartSerializationWriterFactory.class}) {
            Path jar = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().getPath());
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            scan(in, found);
                        }
                    }
                }
            }
        }
        assertThat(found).isEqualTo(REVIEWED);
    }

    /** Adds "class.method" for every method of the class that calls a reflection entry point. */
    private static void scan(InputStream classFile, Set<String> found) throws IOException {
        ClassReader reader = new ClassReader(classFile);
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                String method = owner + "." + name;
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String target, String called, String desc, boolean itf) {
                        if (reflective(target, called)) {
                            found.add(method);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static boolean reflective(String owner, String method) {
        for (Map.Entry<String, Set<String>> api : REFLECTION.entrySet()) {
            String key = api.getKey();
            boolean ownerMatches = key.endsWith("/") ? owner.startsWith(key) : owner.equals(key);
            if (ownerMatches && api.getValue().contains(method)) {
                return true;
            }
        }
        return false;
    }
}
