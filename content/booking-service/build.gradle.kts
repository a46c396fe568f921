plugins {
    java
    id("org.springframework.boot") version "3.3.2"
    id("io.spring.dependency-management") version "1.1.6"
    id("org.openapi.generator") version "7.7.0"
    id("org.flywaydb.flyway") version "10.17.0"
}

group = "com.fernway"
java { toolchain { languageVersion.set(JavaLanguageVersion.of(21)) } }

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.springframework.boot:spring-boot-starter-data-jpa")
    implementation("org.springframework.boot:spring-boot-starter-actuator")
    implementation("org.springframework.kafka:spring-kafka")
    implementation("org.flywaydb:flyway-database-postgresql")
    implementation("net.devh:grpc-client-spring-boot-starter:3.1.0.RELEASE")
    implementation("com.fernway.pricing:pricing-api-grpc:2.4.0")
    runtimeOnly("org.postgresql:postgresql")
    testImplementation("org.springframework.boot:spring-boot-starter-test")
    testImplementation("org.testcontainers:postgresql")
    testImplementation("org.testcontainers:redpanda")
}

openApiGenerate {
    generatorName.set("spring")
    inputSpec.set("$projectDir/api/openapi.yaml")
    apiPackage.set("com.fernway.booking.api")
    modelPackage.set("com.fernway.booking.api.model")
    configOptions.set(mapOf("interfaceOnly" to "true", "useSpringBoot3" to "true"))
}
