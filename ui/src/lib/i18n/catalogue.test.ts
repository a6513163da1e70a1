// The message catalogue is complete in every language: the same keys in English, Russian and
// Urdu, the same placeholders, the plural forms each language's grammar needs, and no English
// left in a translation. (A key a screen uses but the catalogue lacks fails the type check.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../messages');
const languages = ['en', 'ru', 'ur'] as const;
type Language = (typeof languages)[number];

type Plural = { declarations: string[]; selectors: string[]; match: Record<string, string> };
type Message = string | Plural[];
type Catalogue = Record<string, Message>;

const areas = readdirSync(root);

function load(area: string, language: Language): Catalogue {
	const parsed = JSON.parse(readFileSync(join(root, area, `${language}.json`), 'utf8'));
	delete parsed.$schema;
	return parsed;
}

/** Every text a message can produce (one, or one per plural variant). */
function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((m) => Object.values(m.match));
}

function placeholders(message: Message): string[] {
	const names = texts(message).flatMap((t) => [...t.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]));
	return [...new Set(names)].sort();
}

/** The plural categories a message distinguishes, e.g. ["few", "many", "one", "other"]. */
function pluralForms(message: Message): string[] {
	if (typeof message === 'string') return [];
	return message.flatMap((m) => Object.keys(m.match).map((k) => k.split('=')[1])).sort();
}

// Latin-script words that stay as they are in Russian and Urdu text: the product's name,
// codes and standards, and the examples a validation message quotes.
const LATIN_ALLOWED = new Set(['Attaché', 'MoU', 'IANA', 'ISO', 'UTC', 'GMT', 'ics', 'MB', 'Ctrl', 'Cmd', 'Alt', 'Shift', 'Esc', 'Enter', 'Tab', 'Office', 'OpenDocument', 'SQLite', 'vCard', 'Windows', 'JSON']); // the last ones: names of file formats and encodings, kept as written

function latinWords(text: string): string[] {
	const withoutPlaceholders = text.replace(/\{[^}]+\}/g, ' ');
	const withoutExamples = withoutPlaceholders.replace(/[\w.+-]+@[\w.-]+|[A-Z][a-z]+\/[A-Za-z_]+|\b[A-Z]{2,3}\b|\bA[0-9]\b/g, ' '); // the last: paper sizes (A4)
	return (withoutExamples.match(/[A-Za-zÀ-ÿ]+/g) ?? []).filter((w) => !LATIN_ALLOWED.has(w));
}

describe('message catalogue', () => {
	it('has areas, each with a file per language', () => {
		expect(areas.length).toBeGreaterThan(3);
		for (const area of areas) {
			expect(readdirSync(join(root, area)).sort()).toEqual(['en.json', 'ru.json', 'ur.json']);
		}
	});

	for (const area of areas) {
		describe(area, () => {
			const english = load(area, 'en');

			it('names every key after its area', () => {
				for (const key of Object.keys(english)) expect(key).toMatch(new RegExp(`^${area}_[a-z0-9_]+$`));
			});

			for (const language of ['ru', 'ur'] as const) {
				const translated = load(area, language);

				it(`has the same keys in ${language} as in English`, () => {
					expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
				});

				it(`keeps every placeholder in ${language}`, () => {
					for (const [key, message] of Object.entries(english)) {
						if (!(key in translated)) continue;
						expect(placeholders(translated[key]), key).toEqual(placeholders(message));
					}
				});

				it(`leaves no English in ${language}`, () => {
					for (const [key, message] of Object.entries(translated)) {
						for (const text of texts(message)) expect(latinWords(text), `${key}: ${text}`).toEqual([]);
					}
				});
			}

			it('gives Russian plurals their one, few and many forms', () => {
				const russian = load(area, 'ru');
				for (const [key, message] of Object.entries(english)) {
					if (typeof message === 'string' || !(key in russian)) continue;
					expect(pluralForms(russian[key]), key).toEqual(['few', 'many', 'one', 'other']);
					expect(pluralForms(load(area, 'ur')[key]), key).toEqual(['one', 'other']);
					expect(pluralForms(message), key).toEqual(['one', 'other']);
				}
			});

			it('has no empty message', () => {
				for (const language of languages) {
					for (const [key, message] of Object.entries(load(area, language))) {
						for (const text of texts(message)) expect(text.trim(), `${language} ${key}`).not.toBe('');
					}
				}
			});
		});
	}

	it('defines each key in one area only', () => {
		const seen = new Map<string, string>();
		for (const area of areas) {
			for (const key of Object.keys(load(area, 'en'))) {
				expect(seen.get(key), key).toBeUndefined();
				seen.set(key, area);
			}
		}
	});
});
