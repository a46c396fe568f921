package com.fernway.pricing

import io.grpc.ServerBuilder
import io.grpc.protobuf.services.ProtoReflectionService

fun main() {
    val port = System.getenv("GRPC_PORT")?.toInt() ?: 9090
    val server = ServerBuilder.forPort(port)
        .addService(PricingServiceImpl.fromEnvironment())
        .addService(ProtoReflectionService.newInstance())
        .build()
        .start()
    Runtime.getRuntime().addShutdownHook(Thread { server.shutdown() })
    server.awaitTermination()
}
