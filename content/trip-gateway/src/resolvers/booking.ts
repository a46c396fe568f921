import type { MutationResolvers, QueryResolvers } from '../generated/graphql.js';

export const bookingQueries: Pick<QueryResolvers, 'booking' | 'myTrips'> = {
  booking: (_parent, { reference, lastName }, { dataSources, viewer }) =>
    dataSources.bookingApi.getVisibleBooking(reference, { viewer, lastName }),
  myTrips: (_parent, { upcomingOnly }, { dataSources, viewer }) =>
    dataSources.bookingApi.tripsForCustomer(viewer.requireCustomerId(), { upcomingOnly }),
};

export const bookingMutations: Pick<MutationResolvers, 'createBooking' | 'cancelBooking'> = {
  createBooking: (_parent, { input }, { dataSources, viewer }) =>
    dataSources.bookingApi.create(input, viewer),
  cancelBooking: (_parent, { input }, { dataSources, viewer }) =>
    dataSources.bookingApi.cancel(input.reference, input.reason ?? 'customer_request', viewer),
};
