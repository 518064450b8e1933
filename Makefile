# Reprise: make report | make test | make bench
MVN ?= mvn -q -B
JAR := target/reprise.jar
SOURCES := $(shell find src/main templates -type f 2>/dev/null) pom.xml

.PHONY: report test bench jar clean

report: $(JAR)
	java -jar $(JAR) run analysis.yaml

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

test:
	mvn -B --no-transfer-progress verify

# Benchmarks print Markdown tables (speed and peak heap); they are not unit tests. See docs/bench.md.
# Override the sizes with BENCH_N="1e4 1e5" and the bootstrap with BENCH_B="B N threads". EndToEndBench times whole
# `reprise run` processes (default report cold/warm/edited; generated CSVs of BENCH_N rows, default 1e4 1e5 1e6) and,
# when Rscript with MatchIt is installed, R's glm + MatchIt on the same CSVs. It starts Reprise as $(BENCH_JAVA) -jar.
BENCH_JAVA ?= $(or $(JAVA_RUN),java)
bench: $(JAR)
	$(MVN) -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.MatchBench $(BENCH_N)
	@echo
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.BootstrapBench $(BENCH_B)
	@echo
	BENCH_JAVA="$(BENCH_JAVA)" java -cp target/test-classes org.reprise.bench.EndToEndBench $(JAR) $(BENCH_N)

clean:
	rm -rf target output
