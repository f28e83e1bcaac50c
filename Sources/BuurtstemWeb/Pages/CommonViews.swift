// The views several pages share.

/// A page that says what happened (a heading, a sentence) and where to go on.
struct StatusView {
    struct Link {
        var href: String
        var label: BothLanguages
        /// The first link has no separator before it.
        var first: Bool
    }
    var heading: BothLanguages
    var text: BothLanguages
    var links: [Link] = []
}

/// The step before something that cannot be undone: what it is about, what it will do, and the
/// button that does it (with the form's own fields).
struct ConfirmCloseView {
    struct Field {
        var name: String
        var value: String
    }
    var heading: BothLanguages
    var facts: [BothLanguages]
    var warning: BothLanguages
    var button: BothLanguages
    var action: String
    var fields: [Field] = []
    var back: String
}

/// A page whose template needs nothing but the texts (and, on a staff page, the session's tokens).
struct TextsOnlyView {}
