/** Text as a regular expression that matches it literally ("U.S." matches "U.S.", not "UXSX"). */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
