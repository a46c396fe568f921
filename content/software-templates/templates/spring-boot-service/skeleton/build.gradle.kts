plugins {
    java
    id("org.springframework.boot") version "3.3.2"
    id("io.spring.dependency-management") version "1.1.6"
}

group = "com.fernway"
java { toolchain { languageVersion.set(JavaLanguageVersion.of(21)) } }

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.springframework.boot:spring-boot-starter-actuator")
    implementation("io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter:2.6.0")
{%- if values.database == "postgres" %}
    // RDS ${{ values.databaseSize }}, provisioned by platform-infra.
    implementation("org.springframework.boot:spring-boot-starter-data-jpa")
    implementation("org.flywaydb:flyway-database-postgresql")
    runtimeOnly("org.postgresql:postgresql")
{%- endif %}
{%- if values.kafkaConsumer %}
    implementation("org.springframework.kafka:spring-kafka")
{%- endif %}
    testImplementation("org.springframework.boot:spring-boot-starter-test")
}
