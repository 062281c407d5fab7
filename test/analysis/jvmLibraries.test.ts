import { describe, expect, it } from 'vitest';
import { namedLibraries } from '../../src/analysis/jvmLibraries.js';

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
