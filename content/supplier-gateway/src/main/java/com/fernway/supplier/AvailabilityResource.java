package com.fernway.supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.time.Duration;

@Path("/internal/availability")
public class AvailabilityResource {

    @Inject
    SupplierRouter router;

    /** Asks every supplier configured for the route, within the caller's time budget. */
    @POST
    @Path("/flights")
    public FlightAvailability flights(FlightAvailabilityQuery query) {
        return router.fanOut(query, Duration.ofMillis(query.budgetMillis()));
    }
}
