import { DateTime, IANAZone, Settings } from 'luxon';

// Reports must read the same on every machine (the same files and --now give byte-identical
// output), so Luxon never takes the system's locale. Fixing it also saves the Intl lookup of the
// system locale on first use (~12 ms of a pre-commit run).
Settings.defaultLocale = 'en-US';

export { DateTime, IANAZone };
