//! Search keys that let a name be found in any of its spellings: "Khorev", "khorev" and
//! "Хорев" all fold to `horev`; "Mohammed", "Muhammad" and "محمد" to `muhamad`.
//!
//! Two keys are kept for every name (see the `*_names` indexes in migration 0004):
//! - **latin**: the name in Latin letters, lower-case, without diacritics, with Cyrillic
//!   transliterated (BGN/PCGN-like) and Urdu words either looked up among common names or
//!   spelt letter by letter; then spelling variants are folded on both sides (y→i, kh→h,
//!   x→ks, w→v, ou→u, doubled letters once), so a query and a name that differ only by the
//!   transliteration convention meet.
//! - **skeleton**: the consonants of the latin key. Urdu writes no short vowels, so an Urdu
//!   word outside the list of common names can only be compared with a Latin spelling by its
//!   consonants (سیالکوٹ ~ Sialkot: `slkt`).
//!
//! Both sides of a search go through the same functions, so the folding only has to be
//! consistent, not a correct transliteration.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

/// The latin search key of some names ("Albert P. Khorev", "Альберт Хорев"): space-separated words.
pub fn latin_key(text: &str) -> String {
    latin_words(text).collect::<Vec<_>>().join(" ")
}

/// The words of [`latin_key`], one by one.
pub fn latin_words(text: &str) -> impl Iterator<Item = String> + '_ {
    words(text).map(latin_word).filter(|w| !w.is_empty())
}

/// The consonant skeleton of every word of `text` ("Muhammad Ali" → "mhmd l").
pub fn skeleton_key(text: &str) -> String {
    words(text).map(|word| skeleton(&latin_word(word))).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// [`skeleton_key`] of the names whose [`latin_key`] is `latin`: the same, without
/// transliterating them again.
pub fn skeleton_of_latin(latin: &str) -> String {
    latin.split(' ').map(skeleton).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// How one word of a search is looked for in the name keys: an FTS5 query over the `latin`
/// and `skeleton` columns, or `None` when the word folds to less than the three characters a
/// trigram index needs.
pub fn names_query(word: &str) -> Option<String> {
    let latin = latin_word(word);
    let mut forms = Vec::new();
    if latin.chars().count() >= 3 {
        forms.push(format!("latin : \"{latin}\""));
    }
    // An Urdu word the list of common names does not know is compared by its consonants.
    if is_arabic_script(word) && common_name(word).is_none() {
        let consonants = skeleton(&latin);
        if consonants.chars().count() >= 3 {
            forms.push(format!("skeleton : \"{consonants}\""));
        }
    }
    (!forms.is_empty()).then(|| forms.join(" OR "))
}

fn words(text: &str) -> impl Iterator<Item = &str> + '_ {
    text.split(|c: char| !c.is_alphanumeric() && !is_mark(c)).filter(|w| !w.is_empty())
}

fn latin_word(word: &str) -> String {
    // Most names in an office's files are in Latin letters without diacritics: they need
    // neither the table of Urdu names, nor decomposition, nor transliteration (this path is
    // a fifth of an import's duplicate check and of its name index).
    if word.is_ascii() {
        return canonical(fold(word));
    }
    if let Some(known) = common_name(word) {
        return fold(known);
    }
    let mut spelt = String::with_capacity(word.len());
    // A final ہ in Urdu is mostly the vowel a or e (فاطمہ Fatima, گوجرانوالہ Gujranwala).
    let word = match word.strip_suffix(['ہ', 'ه', 'ة']) {
        Some(stem) if is_arabic_script(stem) && !stem.is_empty() => format!("{stem}ا"),
        _ => word.to_owned(),
    };
    for c in word.nfd() {
        if is_mark(c) {
            continue;
        }
        match transliterate(c) {
            Some(latin) => spelt.push_str(latin),
            None => spelt.extend(c.to_lowercase()),
        }
    }
    canonical(fold(&spelt))
}

/// A Latin spelling variant of a common name meets its canonical spelling.
fn canonical(folded: String) -> String {
    match latin_variants().get(&folded) {
        Some(canonical) => canonical.clone(),
        None => folded,
    }
}

/// Every folded Latin spelling of a common name → the folded canonical one, built once.
fn latin_variants() -> &'static HashMap<String, String> {
    static VARIANTS: OnceLock<HashMap<String, String>> = OnceLock::new();
    VARIANTS.get_or_init(|| {
        COMMON_NAMES.iter().flat_map(|(_, spellings)| spellings.iter().map(|s| (fold(s), fold(spellings[0])))).collect()
    })
}

/// Folds Latin spelling variants so that both sides of a comparison agree.
fn fold(latin: &str) -> String {
    let mut s: String = if latin.is_ascii() {
        latin.bytes().filter(u8::is_ascii_alphanumeric).map(|b| char::from(b.to_ascii_lowercase())).collect()
    } else {
        latin.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
    };
    for (from, to) in [
        ("dzh", "j"),
        ("kh", "h"),
        ("x", "ks"),
        ("ph", "f"),
        ("ck", "k"),
        ("q", "k"),
        ("w", "v"),
        ("ou", "u"),
        ("ee", "i"),
        ("oo", "u"),
        ("y", "i"),
    ] {
        // Most names hold few of these: looking first spares a new string per pattern, which
        // made folding the largest cost of reviewing an import.
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if last != Some(c) {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Consonants only; `v` goes too, since Urdu's و is as often a vowel (o, u) as a consonant.
fn skeleton(latin: &str) -> String {
    latin.chars().filter(|c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'v')).collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{06d6}'..='\u{06ed}')
}

fn is_arabic_script(word: &str) -> bool {
    word.chars().any(|c| matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}'))
}

fn common_name(word: &str) -> Option<&'static str> {
    // The table is of Urdu spellings: a word in any other script need not be looked for.
    if word.is_ascii() {
        return None;
    }
    COMMON_NAMES.iter().find(|(urdu, _)| *urdu == word).map(|(_, spellings)| spellings[0])
}

/// One letter of Cyrillic or Urdu in Latin letters, or a Latin letter without its diacritic
/// that NFD does not split (ß, ø, ł…).
fn transliterate(c: char) -> Option<&'static str> {
    let latin = match c.to_lowercase().next().unwrap_or(c) {
        // Russian (and the Ukrainian and Belarusian letters a name may carry)
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' | 'ґ' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'й' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "yu",
        'я' => "ya",
        'ї' => "yi",
        'є' => "ye",
        // Urdu (and the Arabic forms of its letters)
        'ا' | 'آ' | 'أ' | 'إ' => "a",
        'ب' => "b",
        'پ' => "p",
        'ت' | 'ٹ' | 'ط' | 'ة' => "t",
        'ث' | 'س' | 'ص' => "s",
        'ج' => "j",
        'چ' => "ch",
        'ح' | 'ہ' | 'ھ' | 'ۃ' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ڈ' => "d",
        'ذ' | 'ز' | 'ض' | 'ظ' => "z",
        'ر' | 'ڑ' => "r",
        'ژ' => "zh",
        'ش' => "sh",
        'ع' | 'ء' => "",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ک' | 'ك' => "k",
        'گ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' | 'ں' => "n",
        'و' | 'ؤ' => "o",
        'ی' | 'ي' | 'ى' | 'ئ' => "i",
        'ے' | 'ۓ' => "e",
        // Latin letters NFD leaves whole
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' => "d",
        'ı' => "i",
        'þ' => "th",
        _ => return None,
    };
    Some(latin)
}

/// Common words of Pakistani names in Urdu with their usual Latin spellings, the first being
/// the canonical one. Urdu writes no short vowels, so these cannot be spelt letter by letter.
const COMMON_NAMES: &[(&str, &[&str])] = &[
    ("محمد", &["Muhammad", "Mohammad", "Mohammed", "Muhammed", "Mohamed", "Mohd"]),
    ("احمد", &["Ahmad", "Ahmed"]),
    ("علی", &["Ali"]),
    ("خان", &["Khan"]),
    ("حسین", &["Hussain", "Husain", "Hussein", "Hosain"]),
    ("حسن", &["Hassan", "Hasan"]),
    ("عمر", &["Umar", "Omar"]),
    ("عثمان", &["Usman", "Osman", "Uthman"]),
    ("فاطمہ", &["Fatima", "Fatimah"]),
    ("عائشہ", &["Ayesha", "Aisha", "Aysha"]),
    ("زینب", &["Zainab", "Zaynab"]),
    ("مریم", &["Maryam", "Mariam"]),
    ("اقبال", &["Iqbal"]),
    ("ملک", &["Malik"]),
    ("شاہ", &["Shah"]),
    ("شیخ", &["Sheikh", "Shaikh"]),
    ("سید", &["Syed", "Sayyid", "Sayed"]),
    ("قریشی", &["Qureshi", "Kureshi"]),
    ("چوہدری", &["Chaudhry", "Chaudhary", "Chaudhri", "Choudhry"]),
    ("بٹ", &["Butt"]),
    ("رضا", &["Raza", "Reza"]),
    ("حیدر", &["Haider", "Haidar", "Hyder"]),
    ("نقوی", &["Naqvi"]),
    ("مظہر", &["Mazhar"]),
    ("ارشد", &["Arshad"]),
    ("مراد", &["Murad"]),
    ("سلمان", &["Salman", "Suleman"]),
    ("اسلم", &["Aslam"]),
    ("اکرم", &["Akram"]),
    ("نواز", &["Nawaz"]),
    ("شریف", &["Sharif", "Shareef"]),
    ("جاوید", &["Javed", "Javaid", "Jawed"]),
    ("نوید", &["Naveed", "Navid"]),
    ("یوسف", &["Yousuf", "Yusuf", "Yousaf"]),
    ("ابراہیم", &["Ibrahim"]),
    ("اسماعیل", &["Ismail"]),
    ("عبداللہ", &["Abdullah"]),
    ("عبد", &["Abdul"]),
    ("رحمان", &["Rehman", "Rahman"]),
    ("خالد", &["Khalid"]),
    ("طارق", &["Tariq", "Tarik"]),
    ("عمران", &["Imran"]),
    ("عرفان", &["Irfan"]),
    ("فیصل", &["Faisal", "Faysal"]),
    ("کامران", &["Kamran"]),
    ("ندیم", &["Nadeem", "Nadim"]),
    ("سلیم", &["Saleem", "Salim"]),
    ("وسیم", &["Waseem", "Wasim"]),
    ("نعیم", &["Naeem", "Naim"]),
    ("رشید", &["Rashid", "Rasheed"]),
    ("حمید", &["Hameed", "Hamid"]),
    ("سعید", &["Saeed", "Said"]),
    ("زاہد", &["Zahid"]),
    ("شاہد", &["Shahid"]),
    ("ساجد", &["Sajid"]),
    ("آصف", &["Asif"]),
    ("عارف", &["Arif"]),
    ("طاہر", &["Tahir"]),
    ("ظفر", &["Zafar"]),
    ("اشرف", &["Ashraf"]),
    ("انور", &["Anwar"]),
    ("اختر", &["Akhtar"]),
    ("اعجاز", &["Ejaz", "Ijaz"]),
    ("احتشام", &["Ahtesham", "Ehtesham", "Ihtisham"]),
    ("الماس", &["Almas"]),
    ("بیگم", &["Begum"]),
    ("سیالکوٹ", &["Sialkot"]),
    ("لاہور", &["Lahore"]),
    ("کراچی", &["Karachi"]),
    ("پاکستان", &["Pakistan"]),
    ("چیمبر", &["Chamber"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(a: &str, b: &str) {
        assert_eq!(latin_key(a), latin_key(b), "{a} and {b}");
    }

    #[test]
    fn russian_names_meet_their_transliterations() {
        meet("Хорев", "Khorev");
        meet("Хорев", "khorev");
        meet("Хорев", "Horev");
        meet("Сергей", "Sergey");
        meet("Сергей", "Sergei");
        meet("Альберт", "Albert");
        meet("Верещагин", "Vereshchagin");
        meet("Юрий Яковлев", "Yuri Yakovlev");
        meet("Юрий", "Iurii");
        meet("Алексей", "Alexei");
        meet("Джамиль", "Jamil");
    }

    #[test]
    fn diacritics_and_case_do_not_matter() {
        meet("Müller", "Muller");
        meet("José Ñúñez", "jose nunez");
        meet("Łukasz", "Lukasz");
        meet("Straße", "Strasse");
    }

    #[test]
    fn common_urdu_names_meet_their_latin_spellings() {
        meet("محمد علی", "Muhammad Ali");
        meet("محمد", "Mohammed");
        meet("احمد", "Ahmed");
        meet("حسین", "Hussein");
        meet("یوسف", "Yusuf");
        meet("سید احتشام مظہر", "Syed Ahtesham Mazhar");
    }

    #[test]
    fn other_urdu_words_are_compared_by_their_consonants() {
        assert_eq!(skeleton_key("گوجرانوالہ"), skeleton_key("Gujranwala"));
        assert_eq!(skeleton_key("خورشید"), skeleton_key("Khurshid"));
        assert_eq!(
            names_query("گوجرانوالہ").unwrap(),
            format!("latin : \"{}\" OR skeleton : \"{}\"", latin_key("گوجرانوالہ"), skeleton_key("Gujranwala"))
        );
    }

    #[test]
    fn the_skeleton_of_the_latin_key_is_the_skeleton_key() {
        for names in ["Muhammad Ali", "Альберт Хорев", "سیالکوٹ چیمبر", "José Müller-Lüdenscheidt", "O'Brien a e", ""]
        {
            assert_eq!(skeleton_of_latin(&latin_key(names)), skeleton_key(names), "{names}");
        }
    }

    #[test]
    fn a_query_too_short_for_the_index_gives_none() {
        assert_eq!(names_query("Kh"), None);
        assert_eq!(names_query("علی").as_deref(), Some("latin : \"ali\""));
        assert_eq!(names_query("Хор").as_deref(), Some("latin : \"hor\""));
    }

    #[test]
    fn keys_hold_nothing_fts5_would_read_as_syntax() {
        let key = latin_key("O'Brien \"quoted\" (x) * - : Хорев");
        assert!(key.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || !c.is_ascii()), "{key}");
        assert!(!key.contains('"'));
    }
}
