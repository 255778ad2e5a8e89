//! Help where she lives: which country's help lines to show, told from the device's own time
//! zone and languages (read on the device, never sent anywhere), and the lines for a country.

use super::model::{Country, Resource, Safety};

/// The country whose help lines to show: the one whose time zones include the device's, else
/// the one a language's region names ("en-GB" → GB), else the first the author lists.
pub fn country_for<'a>(
    safety: &'a Safety,
    time_zone: &str,
    languages: &[String],
) -> Option<&'a Country> {
    let countries = &safety.countries;
    countries
        .iter()
        .find(|c| c.time_zones.iter().any(|z| z == time_zone))
        .or_else(|| {
            languages.iter().find_map(|tag| {
                let region = tag.split(['-', '_']).nth(1)?;
                countries
                    .iter()
                    .find(|c| c.code.eq_ignore_ascii_case(region))
            })
        })
        .or(countries.first())
}

/// The lines of `resources` for a reader in `country` (by code): those for that country and
/// those for every country, in the author's order. With no country, all of them.
pub fn lines_for<'a>(resources: &'a [Resource], country: Option<&str>) -> Vec<&'a Resource> {
    resources
        .iter()
        .filter(|r| match (country, r.country.as_deref()) {
            (Some(here), Some(theirs)) => here == theirs,
            _ => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn safety(countries: &[(&str, &[&str])]) -> Safety {
        Safety {
            title: String::new(),
            message: String::new(),
            resources: Vec::new(),
            steps: Vec::new(),
            urgent: None,
            crisis: None,
            countries: countries
                .iter()
                .map(|(code, zones)| Country {
                    code: code.to_string(),
                    name: code.to_string(),
                    time_zones: zones.iter().map(|z| z.to_string()).collect(),
                })
                .collect(),
        }
    }

    #[test]
    fn the_time_zone_wins_then_a_language_region_then_the_first_country() {
        let s = safety(&[
            ("US", &["America/Chicago"]),
            ("GB", &["Europe/London"]),
            ("NZ", &[]),
        ]);
        let code = |tz: &str, langs: &[&str]| {
            let langs: Vec<String> = langs.iter().map(|l| l.to_string()).collect();
            country_for(&s, tz, &langs).map(|c| c.code.clone())
        };
        assert_eq!(code("Europe/London", &["en-US"]), Some("GB".into()));
        assert_eq!(code("Asia/Tokyo", &["ja", "en-NZ"]), Some("NZ".into()));
        assert_eq!(code("Asia/Tokyo", &["en_gb"]), Some("GB".into()));
        assert_eq!(code("Asia/Tokyo", &["fr-FR", "en"]), Some("US".into()));
        assert_eq!(country_for(&safety(&[]), "Europe/London", &[]), None);
    }

    #[test]
    fn lines_for_a_country_keep_those_for_everyone() {
        let line = |name: &str, country: Option<&str>| Resource {
            name: name.into(),
            contact: "1".into(),
            detail: String::new(),
            country: country.map(str::to_string),
        };
        let list = [
            line("us", Some("US")),
            line("all", None),
            line("gb", Some("GB")),
        ];
        let names = |c: Option<&str>| -> Vec<String> {
            lines_for(&list, c).iter().map(|r| r.name.clone()).collect()
        };
        assert_eq!(names(Some("GB")), ["all", "gb"]);
        assert_eq!(names(None), ["us", "all", "gb"]);
    }
}
