export { translator, type MessageKey, type Translate } from './translate';
export {
	UI_LOCALES,
	DEFAULT_LOCALE,
	uiLocale,
	textDirection,
	acceptedLanguage,
	type UiLocale
} from './locales';
