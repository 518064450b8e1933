# Reprise: make report | make test | make test-fast | make bench
MVN ?= mvn -q -B
JAR := target/reprise.jar
# Class-data sharing archive (AppCDS, JDK 10+) of the classes a run loads: a static archive dumped from the class
# lists of two training runs of the default analysis, one computing everything (--no-cache) and one reading every unit
# from the cache, so that cold and warm runs both start from it (docs/bench.md). With C1 only, a report-sized run
# spends its time running rather than compiling. Output is byte-identical with or without these flags (Java 17
# floating point is strict). The archive records the jar's path, so it is dumped with the absolute path: it then also
# serves runs started in another folder (EndToEndBench runs the jar from scratch folders).
JSA := target/reprise.jsa
# The serial collector: a report-sized run's heap is small, and G1's extra threads would compete for two cores.
JAVA_RUN ?= java -XX:SharedArchiveFile=$(abspath $(JSA)) -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC
SOURCES := $(shell find src/main templates -type f 2>/dev/null) pom.xml

.PHONY: report test test-fast test-tools bench jar clean

report: $(JAR) $(JSA)
	$(JAVA_RUN) -jar $(JAR) run analysis.yaml

$(JSA): $(JAR)
	@rm -f $(JSA) target/cds-*.lst; rm -rf target/cds-training target/.reprise-cache
	-@java -XX:DumpLoadedClassList=target/cds-cold.lst -jar $(abspath $(JAR)) run analysis.yaml \
	    --out target/cds-training --quiet --no-cache >/dev/null 2>&1 \
	  && java -XX:DumpLoadedClassList=target/cds-warm.lst -jar $(abspath $(JAR)) run analysis.yaml \
	    --out target/cds-training --quiet >/dev/null 2>&1 \
	  && awk '!seen[$$0]++' target/cds-cold.lst target/cds-warm.lst > target/cds-classes.lst \
	  && java -Xshare:dump -XX:SharedClassListFile=target/cds-classes.lst -XX:SharedArchiveFile=$(abspath $(JSA)) \
	    -cp $(abspath $(JAR)) >/dev/null 2>&1 \
	  || rm -f $(JSA)

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

# Every test. Tests tagged "tools" run pdflatex, pdftotext and chromium: .ci/test-tools installs them when missing
# (apt-get, as root or with sudo) or stops naming the Debian packages; a missing tool fails a test, never skips it.
test: test-tools
	mvn -B --no-transfer-progress verify

test-tools:
	@.ci/test-tools

# Every test except those tagged "tools" (LaTeX compile, PDF text, browser): left out on purpose, and said so.
test-fast:
	@echo "make test-fast: leaving out the tests tagged 'tools' (LaTeX compile, PDF text, chromium); make test runs them."
	mvn -B --no-transfer-progress verify -DexcludedGroups=tools

# Benchmarks print Markdown tables (speed and peak heap); they are not unit tests. See docs/bench.md.
# Override the sizes with BENCH_N="1e4 1e5" and the bootstrap with BENCH_B="B N threads". EndToEndBench times whole
# `reprise run` processes (default report cold/warm/edited; generated CSVs of BENCH_N rows, default 1e4 1e5 1e6) and,
# when Rscript with MatchIt is installed, R's glm + MatchIt on the same CSVs. It starts Reprise as $(BENCH_JAVA) -jar.
BENCH_JAVA ?= $(or $(JAVA_RUN),java)
bench: $(JAR) $(JSA)
	$(MVN) -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.MatchBench $(BENCH_N)
	@echo
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.BootstrapBench $(BENCH_B)
	@echo
	BENCH_JAVA="$(BENCH_JAVA)" java -cp target/test-classes org.reprise.bench.EndToEndBench $(JAR) $(BENCH_N)

clean:
	rm -rf target output montecarlo
