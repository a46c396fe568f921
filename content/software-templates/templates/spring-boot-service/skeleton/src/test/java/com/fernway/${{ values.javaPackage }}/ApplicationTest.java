package com.fernway.${{ values.javaPackage }};

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Starts ${{ values.name }} with its real configuration: fails when a bean or a property is missing. */
@SpringBootTest
class ApplicationTest {
    @Test
    void contextLoads() {}
}
