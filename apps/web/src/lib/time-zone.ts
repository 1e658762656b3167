/** Every moment in the portal is shown in Brussels time, whatever the browser's zone. */
export const TIME_ZONE = 'Europe/Brussels';
