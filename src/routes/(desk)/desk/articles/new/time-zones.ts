/** The zones newsrooms file from most often; any other IANA zone can be typed in. */
export const COMMON_TIME_ZONES = [
	'UTC',
	'Europe/London',
	'Europe/Paris',
	'Europe/Berlin',
	'Europe/Kyiv',
	'Europe/Moscow',
	'Europe/Istanbul',
	'Asia/Jerusalem',
	'Asia/Dubai',
	'Asia/Kolkata',
	'Asia/Shanghai',
	'Asia/Tokyo',
	'Australia/Sydney',
	'America/New_York',
	'America/Chicago',
	'America/Denver',
	'America/Los_Angeles',
	'America/Sao_Paulo',
	'Africa/Johannesburg'
] as const;
