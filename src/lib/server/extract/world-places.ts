/**
 * The world's larger cities and its countries, with the zone their local dates are read in, from
 * the maintained city-timezones data (GeoNames-derived, MIT) and world-countries (names and
 * demonyms, ODbL): a hand-kept list knew thirty places, so a story in Khartoum or Seoul shared
 * no place with its own next article. Cities of 200,000 people or more; a country is named by
 * its common name or its demonym ("Syrian rebels" name Syria), in the zone of its most populous
 * city. Server only (the data is 2 MB); built once, on first use.
 */
import cityTimezones from 'city-timezones';
import countries from 'world-countries';
import type { Place } from './entities';

const MIN_POPULATION = 200_000;
// City names that are also everyday English words or surnames in news copy.
const NOT_PLACES = new Set(
	'reading mobile nice split bath victoria march president independence general union ' +
		'concord hope justice liberty mercedes santa lincoln jackson hamilton jefferson columbus ' +
		'madison washington'
);

export interface WorldPlace extends Place {
	country: boolean;
}

let places: Map<string, WorldPlace> | undefined;

function build(): Map<string, WorldPlace> {
	const map = new Map<string, WorldPlace>();
	const biggest = new Map<string, { pop: number; timezone: string; lat: number; lng: number }>();
	for (const city of cityTimezones.cityMapping) {
		const best = biggest.get(city.iso2);
		if (!best || city.pop > best.pop) biggest.set(city.iso2, city);
		if (city.pop < MIN_POPULATION) continue;
		for (const name of new Set([city.city, city.city_ascii])) {
			const key = name.toLowerCase();
			if (NOT_PLACES.has(key) || name.length < 4 || map.has(key)) continue;
			map.set(key, {
				name: city.city,
				aliases: [],
				timeZone: city.timezone,
				latitude: city.lat,
				longitude: city.lng,
				country: false
			});
		}
	}
	for (const country of countries) {
		const city = biggest.get(country.cca2);
		if (!city) continue;
		const place: WorldPlace = {
			name: country.name.common,
			aliases: [],
			timeZone: city.timezone,
			latitude: city.lat,
			longitude: city.lng,
			country: true
		};
		const demonyms = Object.values(country.demonyms?.eng ?? {});
		for (const name of [country.name.common, ...demonyms]) map.set(name.toLowerCase(), place);
	}
	return map;
}

/** A city or country by its name (case-insensitive), or undefined. */
export function worldPlace(name: string): WorldPlace | undefined {
	places ??= build();
	return places.get(name.toLowerCase());
}
