/**
 * The annotations the PagerDuty plugin reads, named as Backstage's PagerDuty plugin names them, so a
 * catalog file means the same in both.
 * https://github.com/PagerDuty/backstage-plugins (formerly backstage/plugins/pagerduty)
 */

/** The PagerDuty service's id, as in its URL: `https://<account>.pagerduty.com/service-directory/PABC123`. */
export const ANNOTATION_PAGERDUTY_SERVICE_ID = 'pagerduty.com/service-id';

/**
 * An Events API v2 integration key (routing key). It lets anyone holding it trigger incidents, and
 * the REST API cannot look a service up by it without listing every service with its integrations:
 * the plugin only says the entity is wired for alerts, never shows the key, and asks for the service id.
 */
export const ANNOTATION_PAGERDUTY_INTEGRATION_KEY = 'pagerduty.com/integration-key';

/**
 * PagerDuty object ids: uppercase letters and digits (`PPY3X9L`; newer objects are longer).
 * https://developer.pagerduty.com/docs/rest-api-v2/rest-api/ ("Resource IDs")
 */
const SERVICE_ID = /^[A-Z0-9]{5,20}$/;

export type ParsedServiceId = { serviceId: string } | { error: string };

/** The service id of an annotation value. */
export function parseServiceId(value: string): ParsedServiceId {
  const serviceId = value.trim();
  if (!SERVICE_ID.test(serviceId))
    return {
      error: `annotation \`${ANNOTATION_PAGERDUTY_SERVICE_ID}\` is ${JSON.stringify(value.slice(0, 60))}, not a PagerDuty service id (5 to 20 uppercase letters and digits, as at the end of the service's URL: …/service-directory/PABC123)`,
    };
  return { serviceId };
}
