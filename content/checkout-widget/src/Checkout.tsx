import { useState } from 'react';
import { Button, Stack } from '@fernway/ui';
import { AdyenCardFields } from './payment/AdyenCardFields';
import { TravellerForm } from './travellers/TravellerForm';
import { useCreateBooking } from './graphql/useCreateBooking';

export interface CheckoutProps {
  offerIds: string[];
  adyenClientKey: string;
  onBooked: (booking: { reference: string }) => void;
}

export function Checkout({ offerIds, adyenClientKey, onBooked }: CheckoutProps) {
  const [idempotencyKey] = useState(() => crypto.randomUUID()); // one per purchase attempt, reused on retry
  const { submit, submitting, errors } = useCreateBooking({ offerIds, idempotencyKey, onBooked });
  return (
    <form onSubmit={submit}>
      <Stack gap="4">
        <TravellerForm errors={errors} />
        <AdyenCardFields clientKey={adyenClientKey} />
        <Button type="submit" size="lg" loading={submitting}>Book and pay</Button>
      </Stack>
    </form>
  );
}
