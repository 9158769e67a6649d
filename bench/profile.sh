#!/usr/bin/env bash
# Where our app spends its CPU for one operation (usage, users or licenses) under load: Java Flight Recorder's
# execution samples while wrk sends the operation (CONCURRENCY connections, DURATION seconds, after a warm-up), summed
# by frame (inclusive) for the frames that tell the layers apart. bench/work/results/profile-OP.txt
source "$(dirname "$0")/lib.sh"
OP=${1:-users}
DB=${DATASET_DB:-m365_bench_year}
CONCURRENCY=${CONCURRENCY:-4}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-60} # seconds of the same load before recording: the JIT settles (results rose run after run with 10 s)
# CPU_TIME=1: JDK 25's CPU-time sampler (jdk.CPUTimeSample, every CPU_PERIOD of a thread's CPU time, native frames such
# as socket writes included) instead of the execution sampler, which sees only threads running Java code, few at a time
CPU_TIME=${CPU_TIME:-0}
CPU_PERIOD=${CPU_PERIOD:-1ms}
SAMPLE_EVENT=jdk.ExecutionSample
JFR_EVENT_SETTINGS=()
if [ "$CPU_TIME" = 1 ]; then
    SAMPLE_EVENT=jdk.CPUTimeSample
    JFR_EVENT_SETTINGS=("jdk.CPUTimeSample#enabled=true" "jdk.CPUTimeSample#throttle=$CPU_PERIOD")
fi
conditions "profile $OP"
# the frames that tell the layers apart
LAYERS='java.lang.Thread.run|SmallRyeGraphQLAbstractHandler.handle$|ExecutionService.execute$|graphql.GraphQL.execute$|populateFromDataFetchingEnvironment|FieldDataFetcher.get|BatchDataFetcher.get|ExecutionResponse.toJsonValue|ExecutionResponse.getExecutionResultAsString|AbstractSelectionQuery.list|QueryExecutorImpl.execute|OidcIdentityProvider.authenticate|Http1xServerConnection.handleMessage|io.m365insights.api.[A-Za-z]*Api.[a-zA-Z]*$|io.m365insights.(usage|users|licenses).[A-Za-z]*Queries.[a-zA-Z]*$|UserUsage.summaries|ChainedInstrumentation.chainedMapAndDropNulls|Parser.parseDocument|Validator.validateDocument|GC|G1|Hibernate|org.hibernate.[a-z.]*Loader|jackson|JsonGenerator|ExecutionStrategy.completeValue|SmallRyeGraphQLAbstractHandler.doHandle|Writer.write|PlannedQueries.answer$|PageAnswer.write$|planned.Resolvers.[a-zA-Z]*$|ValuesResolver.coerceVariableValues|GraphQLHttpRequest.fromJson|TrustedDocuments.isTrusted'
pg_up
app_build
sim_start 1 28
trap 'pg_pin 0-1 || true; app_stop; sim_stop' EXIT
make_bodies "$DB"
[ -n "$SERVER_CPU" ] && pg_pin "$SERVER_CPU"
APP_JVM_OPTS="-XX:FlightRecorderOptions=stackdepth=2048" app_start "$DB"
TOKEN=$(token)
app_wait_ready >/dev/null
load() { BODY_FILE=$WORK/body-ours-$OP.json TOKEN=$TOKEN pinned "$LOAD_CPU" wrk -t1 -c"$CONCURRENCY" -d"$1s" \
    --timeout 60s -s "$BENCH_DIR/tools/post.lua" "$APP_URL" | awk '/Requests\/sec/ {print $2}'; }
warm_jvm "$APP_PID" load >/dev/null # at least WARMUP seconds, until the JIT has settled (lib.sh)
"$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=bench settings=profile "${JFR_EVENT_SETTINGS[@]}" >/dev/null
rps=$(load "$DURATION")
"$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.dump name=bench filename="$WORK/profile-$OP.jfr" >/dev/null
"$JAVA_HOME/bin/jfr" print --stack-depth 2048 --events "$SAMPLE_EVENT" "$WORK/profile-$OP.jfr" >"$WORK/profile-$OP.samples"
"$JAVA_HOME/bin/jfr" print --stack-depth 2048 --events jdk.ObjectAllocationSample "$WORK/profile-$OP.jfr" >"$WORK/profile-$OP.alloc"
{
    echo "operation $OP: $rps requests/s with $CONCURRENCY connections during the recording"
    python3 "$BENCH_DIR/tools/jfr_top.py" "$WORK/profile-$OP.samples" "$LAYERS" | head -45
    echo "allocation (bytes sampled, by inclusive frame):"
    python3 "$BENCH_DIR/tools/jfr_top.py" "$WORK/profile-$OP.alloc" "$LAYERS" | head -45
    echo "hottest methods (self time, jfr view hot-methods):"
    "$JAVA_HOME/bin/jfr" view --width 200 hot-methods "$WORK/profile-$OP.jfr" | head -30
} | tee "$WORK/results/profile-$OP.txt"
