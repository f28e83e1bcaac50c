import BuurtstemCore

// What the desk's pages show, as types.

/// The assemblies the desk can work for (called or open).
struct DeskAssembliesView {
    struct Item {
        var id: AssemblyID
        var date: String
        var place: String
    }
    var assemblies: [Item]
    var hasAssemblies: Bool
}

/// The desk page of an assembly: the quorum, the search and what it found, and after an action
/// its card (`DeskCards`).
struct DeskView {
    /// A member the search found: who, where, what tells them apart, their state, what the desk can do.
    struct Found {
        var id: String
        var name: String
        var address: String
        var born: BothLanguages?
        var states: [BothLanguages]
        var present: Bool
        var noCode: Bool
        var canAct: Bool
        /// The search, to return to after an action.
        var back: String
    }
    var heading: BothLanguages
    var place: String
    var assemblyID: AssemblyID
    var referenceDate: BothLanguages
    var presence: BothLanguages
    var quorum: BothLanguages
    var searchPostcode: String
    var searchNumber: String
    var searchName: String
    var found: [Found] = []
    var nobodyFound: BothLanguages?
    var statusCard: DeskCards.Status?
    var proxyChoices: DeskCards.ProxyChoices?
    var newCode: DeskCards.NewCode?
}

/// The cards the desk page shows after an action.
struct DeskCards {
    /// "Has this letter voted?": per open ballot, whether the code voted (never how).
    struct Status {
        struct Row {
            var title: String
            var state: BothLanguages
        }
        var rows: [Row]
        var hasRows: Bool
    }
    /// Several members at the giver's address: the desk picks whose proxy it is.
    struct ProxyChoices {
        struct Candidate {
            var giver: String
            var holder: String
            var back: String
            var label: BothLanguages
        }
        var candidates: [Candidate]
    }
    /// A code handed out at the desk, shown once.
    struct NewCode {
        var code: String
        /// The QR code as SVG markup the program made.
        var qr: String
        var forMember: BothLanguages
        var giveCode: BothLanguages
        var unavailable: BothLanguages?
        var carried: BothLanguages?
    }

    var statusCard: Status?
    var proxyChoices: ProxyChoices?
    var newCode: NewCode?
}
