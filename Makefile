# Reprise: make report | make test | make bench
MVN ?= mvn -q -B
JAR := target/reprise.jar
SOURCES := $(shell find src/main -type f 2>/dev/null) pom.xml

.PHONY: report test bench jar clean

report: $(JAR)
	java -jar $(JAR) run analysis.yaml

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests package

test:
	$(MVN) verify

clean:
	rm -rf target output
