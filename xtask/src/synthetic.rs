//! Synthetic questionnaires of any size, for the checker's benchmark.

/// A synthetic questionnaire of `n` questions, as one TOML file: a chain with a branch
/// every tenth question, scored scale questions and a handful of articles.
pub fn synthetic(n: usize) -> String {
    use std::fmt::Write;
    let scaled = n.div_ceil(3);
    let singles = n - scaled;
    let mut t = String::with_capacity(n * 200);
    t.push_str("id = \"synthetic\"\ntitle = \"Synthetic\"\nversion = 1\nstart = \"q0\"\n\n");
    t.push_str("[about]\nintro = \"i\"\ndisclaimer = \"d\"\nprivacy = \"p\"\n\n");
    t.push_str("[blog]\nname = \"b\"\nurl = \"https://example.org\"\n\n");
    t.push_str("[quick_exit]\nurl = \"https://example.org\"\ntab_title = \"Notes\"\n\n");
    t.push_str("[safety]\ntitle = \"t\"\nmessage = \"m\"\nresources = [{ name = \"n\", contact = \"c\" }]\n\n");
    t.push_str("[[scales]]\nid = \"f\"\npoints = [{ id = \"never\", label = \"Never\", value = 0 }, { id = \"often\", label = \"Often\", value = 2 }]\n\n");
    let _ = writeln!(t, "[[dimensions]]\nid = \"d\"\nlabel = \"D\"\nbands = [{{ id = \"all\", label = \"All\", min = 0, max = {} }}]\n", scaled * 2);
    let _ = writeln!(t, "[[dimensions]]\nid = \"e\"\nlabel = \"E\"\nbands = [{{ id = \"all\", label = \"All\", min = 0, max = {singles} }}]\n");
    t.push_str(
        "[[sections]]\nid = \"s\"\ntitle = \"S\"\n\n[[phases]]\nid = \"p\"\ntitle = \"P\"\n\n",
    );
    for i in 0..n {
        let next = if i + 1 == n {
            "results".to_string()
        } else {
            format!("q{}", i + 1)
        };
        if i % 3 == 0 {
            let _ = writeln!(t, "[[questions]]\nid = \"q{i}\"\nsection = \"s\"\nkind = \"scale\"\nscale = \"f\"\nscores = {{ d = 1 }}\ntext = \"Question {i}\"\nnext = \"{next}\"\n");
        } else {
            let skip = if i + 2 < n {
                format!("q{}", i + 2)
            } else {
                "results".into()
            };
            let _ = writeln!(t, "[[questions]]\nid = \"q{i}\"\nsection = \"s\"\nkind = \"single\"\ntext = \"Question {i}\"\nprefer_not_to_say = true\nnext = \"{next}\"\noptions = [\n  {{ id = \"a\", label = \"A\", scores = {{ e = 1 }} }},\n  {{ id = \"b\", label = \"B\", next = \"{skip}\" }},\n  {{ id = \"c\", label = \"C\" }},\n]\n");
        }
    }
    for i in 0..5 {
        let _ = writeln!(t, "[[articles]]\nid = \"a{i}\"\ntitle = \"Article {i}\"\nauthor = \"A\"\nurl = \"https://example.org\"\nsummary = \"S\"\nsteps = [{{ id = \"s{i}\", phase = \"p\", text = \"T\" }}]\nrecommend = [{{ when = {{ score = \"d\", at_least = {i} }}, weight = {} }}]\n", i + 1);
    }
    t
}
