package io.m365insights.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.m365insights.config.RequiredProductionSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The k8s/ manifests, rendered (base and JVM overlay) and read strictly into the Kubernetes API model, then checked
 * for what matters when they are applied: probes on health paths that exist, on the management port; a hardened
 * security context; resources; selectors that match; the NetworkPolicy; every variable production needs.
 */
class ManifestsTest {
    static final Path BASE = Path.of("k8s", "base");
    static final Path JVM = Path.of("k8s", "overlays", "jvm");
    private static final String NAME = "m365-insights";
    private static final Map<String, String> LABELS = Map.of("app.kubernetes.io/name", NAME);

    static Rendered render(Path dir) {
        return new Rendered(Kustomization.render(dir).stream().map(KubernetesSchema::parse).toList());
    }

    record Rendered(List<HasMetadata> objects) {
        <T extends HasMetadata> T one(Class<T> type) {
            List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
            assertThat(found).as(type.getSimpleName()).hasSize(1);
            return found.get(0);
        }

        Container container() {
            return one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().get(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void everyObjectIsValidAndLabelled(String dir) {
        Rendered r = render(Path.of(dir));
        assertThat(r.objects()).extracting(o -> o.getKind()).containsExactlyInAnyOrder(
                "ServiceAccount", "ConfigMap", "Deployment", "Service", "PodDisruptionBudget", "NetworkPolicy");
        for (HasMetadata o : r.objects()) {
            assertThat(o.getMetadata().getName()).isEqualTo(NAME);
            assertThat(o.getMetadata().getLabels()).containsAllEntriesOf(LABELS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void probesHitTheHealthEndpointsOnTheManagementPort(String dir) throws IOException {
        Container c = render(Path.of(dir)).container();
        assertThat(port(c, "http")).isEqualTo(setting("quarkus.http.port", 8080));
        assertThat(port(c, "management")).isEqualTo(setting("quarkus.management.port", 9000));
        assertThat(probePath(c.getStartupProbe())).isEqualTo("/q/health/started");
        assertThat(probePath(c.getLivenessProbe())).isEqualTo("/q/health/live");
        assertThat(probePath(c.getReadinessProbe())).isEqualTo("/q/health/ready");
        for (Probe p : List.of(c.getStartupProbe(), c.getLivenessProbe(), c.getReadinessProbe())) {
            assertThat(p.getHttpGet().getPort()).isEqualTo(new IntOrString("management"));
        }
        Map<String, String> annotations = render(Path.of(dir)).one(Deployment.class).getSpec().getTemplate()
                .getMetadata().getAnnotations();
        assertThat(annotations).containsEntry("prometheus.io/port", Integer.toString(port(c, "management")))
                .containsEntry("prometheus.io/path", "/q/metrics");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void runsHardened(String dir) {
        Rendered r = render(Path.of(dir));
        PodSpec pod = r.one(Deployment.class).getSpec().getTemplate().getSpec();
        Container c = r.container();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(c.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(c.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(c.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getServiceAccountName()).isEqualTo(r.one(ServiceAccount.class).getMetadata().getName());
        // a read-only root filesystem leaves /tmp as the only writable place
        assertThat(c.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
        assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
        assertThat(c.getImage()).matches("[^:@]+(:[\\w.-]+|@sha256:[0-9a-f]{64})").doesNotEndWith(":latest");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void requestsAndLimitsAreSet(String dir) {
        Container c = render(Path.of(dir)).container();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = c.getResources().getRequests().get(resource);
            Quantity limit = c.getResources().getLimits().get(resource);
            assertThat(request).as(resource + " request").isNotNull();
            assertThat(limit).as(resource + " limit").isNotNull();
            assertThat(Quantity.getAmountInBytes(request)).isLessThanOrEqualTo(Quantity.getAmountInBytes(limit));
        }
    }

    @Test
    void theNativeHeapFitsInsideTheMemoryLimitAndTheJvmGetsMore() {
        Container nativeContainer = render(BASE).container();
        String xmx = nativeContainer.getArgs().stream().filter(a -> a.startsWith("-Xmx")).findFirst().orElseThrow();
        long heap = Quantity.getAmountInBytes(new Quantity(xmx.substring(4, xmx.length() - 1), "Mi")).longValue();
        long limit = Quantity.getAmountInBytes(nativeContainer.getResources().getLimits().get("memory")).longValue();
        assertThat(xmx).endsWith("m");
        assertThat(heap).isLessThan(limit * 3 / 4);

        Container jvm = render(JVM).container();
        assertThat(jvm.getImage()).startsWith("registry.example.com/m365-insights-jvm:");
        assertThat(jvm.getArgs()).as("the native -Xmx is no JVM program argument").isNullOrEmpty();
        assertThat(Quantity.getAmountInBytes(jvm.getResources().getLimits().get("memory")).longValue())
                .isGreaterThan(limit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void selectorsMatchThePods(String dir) {
        Rendered r = render(Path.of(dir));
        Deployment d = r.one(Deployment.class);
        Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(r.one(Service.class).getSpec().getSelector());
        assertThat(podLabels).containsAllEntriesOf(r.one(PodDisruptionBudget.class).getSpec().getSelector().getMatchLabels());
        assertThat(podLabels).containsAllEntriesOf(r.one(NetworkPolicy.class).getSpec().getPodSelector().getMatchLabels());
        assertThat(d.getSpec().getReplicas()).as("several replicas: the sync lock makes them safe").isGreaterThan(1);
        // the Service exposes the API port only
        assertThat(r.one(Service.class).getSpec().getPorts()).singleElement()
                .satisfies(p -> assertThat(p.getTargetPort()).isEqualTo(new IntOrString("http")));
    }

    @Test
    void theNetworkPolicyLetsInTheApiAndLetsOutOnlyDnsPostgresqlAndHttps() {
        NetworkPolicy np = render(BASE).one(NetworkPolicy.class);
        assertThat(np.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(np.getSpec().getIngress()).flatExtracting(rule -> rule.getPorts()).extracting(NetworkPolicyPort::getPort)
                .contains(new IntOrString("http"));
        Set<Integer> egressPorts = new HashSet<>();
        np.getSpec().getEgress().forEach(rule -> {
            assertThat(rule.getTo()).as("every egress rule names its destination").isNotEmpty();
            rule.getPorts().forEach(p -> egressPorts.add(p.getPort().getIntVal()));
        });
        assertThat(egressPorts).containsExactlyInAnyOrder(53, 5432, 443);
    }

    @Test
    void theConfigMapAndTheSecretSupplyEveryVariableProductionNeeds() {
        Rendered r = render(BASE);
        ConfigMap config = r.one(ConfigMap.class);
        Secret secret = (Secret) KubernetesSchema.parse(Kustomization.read(BASE.resolve("secret.example.yaml")).get(0));
        Set<String> supplied = new HashSet<>(config.getData().keySet());
        supplied.addAll(secret.getStringData().keySet());
        assertThat(supplied).containsAll(RequiredProductionSettings.variables());
        // the env comes from exactly these two
        assertThat(r.container().getEnvFrom()).extracting(e -> e.getConfigMapRef() != null
                ? "configMap/" + e.getConfigMapRef().getName() : "secret/" + e.getSecretRef().getName())
                .containsExactlyInAnyOrder("configMap/" + config.getMetadata().getName(),
                        "secret/" + secret.getMetadata().getName());
        // secrets never in the ConfigMap; the example holds placeholders only, and is not applied with the base
        assertThat(config.getData().keySet()).noneMatch(k -> k.contains("SECRET") || k.contains("PASSWORD"));
        assertThat(secret.getStringData().values()).allMatch(v -> v.matches("<[^<>]+>"));
        assertThat(r.objects()).noneMatch(Secret.class::isInstance);
    }

    @Test
    void theValidationRejectsUnknownFieldsAndWrongTypes() {
        ObjectNode deployment = (ObjectNode) Kustomization.render(BASE).stream()
                .filter(o -> o.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        ObjectNode typo = deployment.deepCopy();
        ((ObjectNode) typo.at("/spec/template/spec/containers/0")).set("livenessprobe", typo.at(
                "/spec/template/spec/containers/0/livenessProbe"));
        assertThatThrownBy(() -> KubernetesSchema.parse(typo)).hasMessageContaining("livenessprobe");
        ObjectNode wrongType = deployment.deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("replicas", "two");
        assertThatThrownBy(() -> KubernetesSchema.parse(wrongType)).hasMessageContaining("does not match");
        ObjectNode unknownKind = deployment.deepCopy().put("kind", "Deploymnet");
        assertThatThrownBy(() -> KubernetesSchema.parse(unknownKind)).hasMessageContaining("unexpected");
    }

    /** Where kubectl is installed, its kustomize must render exactly what the Java rendering does. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/jvm"})
    void kubectlKustomizeRendersTheSame(String dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kubectl.available(), "kubectl is not installed");
        List<JsonNode> byKubectl = Kustomization.read(Kubectl.kustomize(Path.of(dir)));
        assertThat(new HashSet<>(byKubectl)).isEqualTo(new HashSet<JsonNode>(Kustomization.render(Path.of(dir))));
    }

    private static int port(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort)
                .findFirst().orElseThrow(() -> new AssertionError("no container port " + name));
    }

    private static String probePath(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    /** The production value of a Quarkus setting, as application.properties leaves it. */
    private static int setting(String key, int quarkusDefault) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(Path.of("src/main/resources/application.properties"))));
        return Stream.of(p.getProperty("%prod." + key), p.getProperty(key)).filter(v -> v != null).findFirst()
                .map(Integer::parseInt).orElse(quarkusDefault);
    }
}
