# Reprise: make report | make test | make test-fast | make bench
MVN ?= mvn -q -B
JAR := target/reprise.jar
SOURCES := $(shell find src/main templates -type f 2>/dev/null) pom.xml

.PHONY: report test test-fast test-tools bench jar clean

report: $(JAR)
	java -jar $(JAR) run analysis.yaml

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
# Override the sizes with BENCH_N="1e4 1e5" and the bootstrap with BENCH_B="B N threads".
bench:
	$(MVN) -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.MatchBench $(BENCH_N)
	@echo
	java -Xmx8g -cp target/classes:target/test-classes:$$(cat target/cp.txt) org.reprise.bench.BootstrapBench $(BENCH_B)

clean:
	rm -rf target output
