//! ISO 3166-1 alpha-2 country codes (the 249 officially assigned), kept sorted for binary search.

const ALPHA2: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ", "BA", "BB", "BD",
    "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ", "CA",
    "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE",
    "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA",
    "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK",
    "HM", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM", "JO", "JP",
    "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT",
    "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
    "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
    "OM", "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS",
    "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST",
    "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW",
    "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI", "VN", "VU", "WF", "WS", "YE", "YT", "ZA",
    "ZM", "ZW",
];

pub fn is_iso_3166_alpha2(code: &str) -> bool {
    ALPHA2.binary_search(&code).is_ok()
}

/// The two-letter code of a country as a contact file may write it: the code itself in any
/// case ("pk"), the three-letter code ("PAK"), the English name or a common English name
/// ("Pakistan", "Russian Federation", "United Kingdom", "USA"), or the Russian or Urdu name of
/// the countries Attaché's users deal with most ("Россия", "پاکستان"). `None` when it is none
/// of these; the caller then keeps the text, which validation refuses with its reason.
pub fn code_for(text: &str) -> Option<&'static str> {
    let text = text.trim();
    let upper = text.to_uppercase();
    if let Ok(at) = ALPHA2.binary_search(&upper.as_str()) {
        return Some(ALPHA2[at]);
    }
    // celes's tables are keyed by lower-case letters without spaces or punctuation.
    let key: String = text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    let english = <celes::Country as std::str::FromStr>::from_str(&key).or_else(|_| celes::Country::from_alias(&key));
    if let Some(code) = english.ok().and_then(|c| ALPHA2.binary_search(&c.alpha2).ok()) {
        return Some(ALPHA2[code]);
    }
    NATIVE_NAMES
        .iter()
        .find(|(name, _)| name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).eq(key.chars()))
        .map(|(_, code)| *code)
}

/// Russian and Urdu names (as the sample's offices write them) of the countries most often
/// on their lists; English names come from celes.
const NATIVE_NAMES: &[(&str, &str)] = &[
    ("Россия", "RU"),
    ("Российская Федерация", "RU"),
    ("РФ", "RU"),
    ("Пакистан", "PK"),
    ("Китай", "CN"),
    ("Индия", "IN"),
    ("Казахстан", "KZ"),
    ("Узбекистан", "UZ"),
    ("Киргизия", "KG"),
    ("Кыргызстан", "KG"),
    ("Таджикистан", "TJ"),
    ("Туркменистан", "TM"),
    ("Беларусь", "BY"),
    ("Белоруссия", "BY"),
    ("Армения", "AM"),
    ("Азербайджан", "AZ"),
    ("Грузия", "GE"),
    ("Украина", "UA"),
    ("Турция", "TR"),
    ("Иран", "IR"),
    ("Афганистан", "AF"),
    ("ОАЭ", "AE"),
    ("Объединённые Арабские Эмираты", "AE"),
    ("Объединенные Арабские Эмираты", "AE"),
    ("Саудовская Аравия", "SA"),
    ("Германия", "DE"),
    ("Франция", "FR"),
    ("Италия", "IT"),
    ("Испания", "ES"),
    ("Великобритания", "GB"),
    ("США", "US"),
    ("Соединённые Штаты", "US"),
    ("Япония", "JP"),
    ("Южная Корея", "KR"),
    ("Вьетнам", "VN"),
    ("Египет", "EG"),
    ("پاکستان", "PK"),
    ("روس", "RU"),
    ("چین", "CN"),
    ("بھارت", "IN"),
    ("ہندوستان", "IN"),
    ("افغانستان", "AF"),
    ("ایران", "IR"),
    ("ترکی", "TR"),
    ("سعودی عرب", "SA"),
    ("متحدہ عرب امارات", "AE"),
    ("برطانیہ", "GB"),
    ("امریکہ", "US"),
    ("جرمنی", "DE"),
    ("قازقستان", "KZ"),
    ("ازبکستان", "UZ"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn list_is_sorted_and_complete() {
        assert!(super::ALPHA2.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(super::ALPHA2.len(), 249);
        assert!(super::is_iso_3166_alpha2("PK"));
        assert!(!super::is_iso_3166_alpha2("XX"));
    }

    #[test]
    fn countries_are_known_by_code_and_by_name() {
        use super::code_for;
        for (text, code) in [
            ("pk", "PK"),
            (" PAK ", "PK"),
            ("Pakistan", "PK"),
            ("Russian Federation", "RU"),
            ("Russia", "RU"),
            ("United Kingdom", "GB"),
            ("USA", "US"),
            ("United States of America", "US"),
            ("Россия", "RU"),
            ("ОАЭ", "AE"),
            ("پاکستان", "PK"),
            ("متحدہ عرب امارات", "AE"),
        ] {
            assert_eq!(code_for(text), Some(code), "{text}");
        }
        for text in ["Atlantis", "", "<b>PK</b>x"] {
            assert_eq!(code_for(text), None, "{text}");
        }
        assert!(super::NATIVE_NAMES.iter().all(|(_, code)| super::is_iso_3166_alpha2(code)));
    }
}
