/// Where a line stands: what it is indented under.
public enum SyntaxContext: String, Sendable, Hashable, CaseIterable {
    /// Not indented: the `statuut` header and `artikel` lines.
    case topLevel
    /// Under `statuut`: legal form, version, seat.
    case header
    /// Under `artikel`: prose and rules.
    case article
    /// Under `gebied`: postcodes and exclusions.
    case area
    /// Under `besluit`: how a kind of decision is taken.
    case decision
    /// Under `sociaal aandeelhouder`: the rights of that party.
    case shareholder

    /// How the context is named in messages, e.g. "inside a `gebied` block".
    func described(in language: Language) -> String {
        switch (self, language) {
        case (.topLevel, _): return "at the start of a line (not indented)"
        case (.header, .nl): return "under the `statuut` line"
        case (.header, .en): return "under the `statute` line"
        case (.article, .nl): return "inside an article (`artikel`)"
        case (.article, .en): return "inside an article (`article`)"
        case (.area, .nl): return "inside a `gebied` block"
        case (.area, .en): return "inside an `area` block"
        case (.decision, .nl): return "inside a `besluit` block"
        case (.decision, .en): return "inside a `decision` block"
        case (.shareholder, .nl): return "inside a `sociaal aandeelhouder` block"
        case (.shareholder, .en): return "inside a `social shareholder` block"
        }
    }
}

extension FormID {
    /// Forms the language reads but the engine does not yet carry out at run time, with what is
    /// missing: `statute check` warns (BS045) wherever one is used. A new form starts here until its
    /// behaviour is built and has its scenario in the rule-behaviour table of the tests.
    public static let notYetCarriedOut: [FormID: String] = [:]
}

/// Every kind of line the statute language knows.
public enum FormID: String, Sendable, Hashable, CaseIterable, Codable {
    case statute, article
    case legalForm, version, seat
    case area, postcode, exclusion
    case membership, admission, profile, resignation, resignationAfter, minimumAge
    case referenceDate, referenceDateAtNotice
    case assembliesPerYear, longestGap, notice, demand
    case quorumCount, quorumShare
    case decision, majority, blankVotes, tie, method, budget, seats, inspection, secondMeeting, voteChanges
    case proxyLimit, proxyForbidden
    case proposerBoard, proposerMembers, proposerParty, proposalDeadline
    case outsideMeetingForbidden, outsideMeeting
    case shareholder, shareholderRight
    case boardSizeRange, boardSizeExact, boardTerm, boardSeat
    case organisation, principle, annualAccounts
}

/// A kind of line: where it may stand, what block it opens, and its pattern in each language.
public struct RuleForm: Sendable {
    public let id: FormID
    public let contexts: Set<SyntaxContext>
    /// The context of the lines indented under this one, or nil when it takes none.
    public let opens: SyntaxContext?
    public let patterns: [Language: [PatternElement]]

    /// The lower-cased words a line of this form may start with, in any language.
    var leadingWords: Set<String> {
        Set(patterns.values.flatMap { $0.first?.leadingWords ?? [] })
    }
}

/// The statute language's grammar: one table, read by the parser and by the formatter, so that
/// what is printed always parses back to the same thing. `docs/statute-language.md` mirrors it.
public enum Grammar {
    private static let range = "{_:t/m;tot en met}"
    private static let rangeEN = "{_:through;to;until}"
    private static let houseNumbers = "[huisnummer {numberFrom:int} [\(range) {numberTo:int}] [{parity:even=even|odd=oneven}]]"
    private static let houseNumbersEN = "[house number {numberFrom:int} [\(rangeEN) {numberTo:int}] [{parity:even=even|odd=odd}]]"
    private static let strictNL = "{strict:strict=meer dan|atLeast=minstens;ten minste}"
    private static let strictEN = "{strict:strict=more than|atLeast=at least}"
    private static let presenceNL = "{presence:present=aanwezig|represented=aanwezig of vertegenwoordigd}"
    private static let presenceEN = "{presence:present=present|represented=present or represented}"

    /// All forms, in the order the parser tries them (more specific before more general).
    public static let forms: [RuleForm] = [
        form(
            .statute, [.topLevel], opens: .header,
            nl: "statuut {name:text}", en: "statute {name:text}"),
        form(
            .article, [.topLevel], opens: .article,
            nl: "artikel {number:int} {title:text}", en: "article {number:int} {title:text}"),
        form(
            .legalForm, [.header],
            nl:
                "rechtsvorm {form:vereniging=vereniging|cooperatie=coöperatie;cooperatie|informeel=informele vereniging;vereniging met beperkte rechtsbevoegdheid}",
            en: "legal form {form:vereniging=association|cooperatie=cooperative|informeel=informal association;association with limited legal capacity}"),
        form(
            .version, [.header],
            nl: "versie {label:version} [geldig vanaf {validFrom:date}]",
            en: "version {label:version} [valid from {validFrom:date}]"),
        form(.seat, [.header], nl: "zetel {place:text}", en: "seat {place:text}"),

        form(.area, [.article], opens: .area, nl: "gebied {name:name}", en: "area {name:name}"),
        form(
            .postcode, [.area],
            nl: "postcode {from:postcode} [\(range) {to:postcode}] \(houseNumbers)",
            en: "postcode {from:postcode} [\(rangeEN) {to:postcode}] \(houseNumbersEN)"),
        form(
            .exclusion, [.area],
            nl: "niet {from:postcode} [\(range) {to:postcode}] \(houseNumbers)",
            en: "except {from:postcode} [\(rangeEN) {to:postcode}] \(houseNumbersEN)"),

        form(
            .membership, [.article],
            nl: "lidmaatschap {mode:automatic=automatisch|optIn=op aanvraag;op verzoek} voor bewoners van {area:name}",
            en: "membership {mode:automatic=automatic|optIn=on request;opt-in} for residents of {area:name}"),
        form(
            .admission, [.article],
            nl: "toelating {by:board=door het bestuur;door bestuur|assembly=door de algemene vergadering} [{intake:yes=na intake}]",
            en: "admission {by:board=by the board;by board|assembly=by the general assembly} [{intake:yes=after intake}]"),
        form(.profile, [.article], nl: "profiel {text:text}", en: "profile {text:text}"),
        form(
            .resignation, [.article],
            nl: "opzegging {when:immediate=per direct;direct|yearEnd=tegen het einde van het boekjaar}",
            en: "resignation {when:immediate=immediately;immediate|yearEnd=at the end of the financial year}"),
        form(
            .resignationAfter, [.article],
            nl: "opzegging na {weeks:int} weken", en: "resignation after {weeks:int} weeks"),
        form(
            .minimumAge, [.article],
            nl: "minimumleeftijd {age:int} [jaar]", en: "minimum age {age:int} [years]"),

        form(
            .referenceDateAtNotice, [.article],
            nl: "peildatum op de dag van de oproeping", en: "reference date on the day of the notice"),
        form(
            .referenceDate, [.article],
            nl: "peildatum {days:int} dagen {relation:before=voor|after=na} de vergadering",
            en: "reference date {days:int} days {relation:before=before|after=after} the assembly"),
        form(
            .assembliesPerYear, [.article],
            nl: "vergaderingen minstens {count:int} per kalenderjaar",
            en: "assemblies at least {count:int} per calendar year"),
        form(
            .longestGap, [.article],
            nl: "tussenpoos hoogstens {months:int} maanden", en: "longest gap at most {months:int} months"),
        form(
            .notice, [.article],
            nl: "oproeping minstens {days:int} dagen voor de vergadering",
            en: "notice at least {days:int} days before the assembly"),
        form(
            .demand, [.article],
            nl: "vergadering op verzoek van {share:share} van de leden [binnen {weeks:int} weken]",
            en: "assembly on request of {share:share} of the members [within {weeks:int} weeks]"),
        form(
            .quorumCount, [.article, .decision],
            nl: "quorum {count:int} leden \(presenceNL)", en: "quorum {count:int} members \(presenceEN)"),
        form(
            .quorumShare, [.article, .decision],
            nl: "quorum {share:share} van de leden \(presenceNL)", en: "quorum {share:share} of the members \(presenceEN)"),

        form(.decision, [.article], opens: .decision, nl: "besluit {kind:name}", en: "decision {kind:name}"),
        form(
            .majority, [.decision],
            nl:
                "aangenomen bij \(strictNL) {share:share} van {base:cast=de uitgebrachte stemmen;uitgebrachte stemmen|present=de aanwezige leden;aanwezige leden|all=alle leden}",
            en: "passed with \(strictEN) {share:share} of {base:cast=votes cast;the votes cast|present=members present;the members present|all=all members}"),
        form(
            .blankVotes, [.decision],
            nl: "blanco {counts:no=telt niet als uitgebracht|yes=telt als uitgebracht}",
            en: "blank votes {counts:no=do not count as cast|yes=count as cast}"),
        form(
            .tie, [.decision],
            nl: "staking {rule:rejected=verworpen|chair=voorzitter beslist|revote=herstemming}",
            en: "tie {rule:rejected=rejected|chair=chair decides|revote=revote;second round}"),
        form(
            .method, [.decision],
            nl:
                "methode {method:yesNo=ja-nee;ja/nee|plurality=meeste stemmen;enkelvoudige keuze|approval=goedkeuring|instantRunoff=voorkeursstemming;instant runoff|singleTransferableVote=overdraagbare stem;stv|schulze=schulze|equalShares=gelijke delen|greedy=meeste goedkeuringen binnen budget|greedyTopUp=meeste goedkeuringen tot en met het eerste project dat niet past;meeste goedkeuringen met aanvulling;buurtbudget amsterdam}",
            en:
                "method {method:yesNo=yes-no;yes/no|plurality=single choice;plurality|approval=approval|instantRunoff=instant runoff;irv|singleTransferableVote=single transferable vote;stv|schulze=schulze|equalShares=equal shares|greedy=greedy;most approvals within budget|greedyTopUp=greedy with top-up;most approvals up to and including the first project that does not fit;amsterdam buurtbudget}"
        ),
        form(
            .budget, [.decision],
            nl: "budget {amount:amount} [per {period:year=jaar;kalenderjaar|assembly=vergadering}]",
            en: "budget {amount:amount} [per {period:year=year;calendar year|assembly=assembly}]"),
        form(.seats, [.decision], nl: "zetels {count:int}", en: "seats {count:int}"),
        form(
            .inspection, [.decision],
            nl: "ter inzage minstens {days:int} dagen voor de vergadering",
            en: "open for inspection at least {days:int} days before the assembly"),
        form(
            .secondMeeting, [.decision],
            nl: "tweede vergadering binnen {days:int} dagen zonder quorum",
            en: "second meeting within {days:int} days without quorum"),

        form(
            .voteChanges, [.decision],
            nl: "stem wijzigen {allowed:yes=mag tot de sluiting|no=niet toegestaan}",
            en: "changing a vote {allowed:yes=allowed until the close|no=not allowed}"),

        form(.proxyForbidden, [.article], nl: "volmacht niet toegestaan", en: "proxy not allowed"),
        form(
            .proxyLimit, [.article],
            nl: "volmacht hoogstens {count:int} per lid", en: "proxy at most {count:int} per member"),
        form(.proposerBoard, [.article], nl: "voorstel mag door [het] bestuur", en: "proposal by [the] board"),
        form(
            .proposerMembers, [.article],
            nl: "voorstel mag door {count:int} leden samen", en: "proposal by {count:int} members together"),
        form(.proposerParty, [.article], nl: "voorstel mag door {party:text}", en: "proposal by {party:text}"),
        form(
            .proposalDeadline, [.article],
            nl: "voorstellen uiterlijk {days:int} dagen voor de vergadering",
            en: "proposals at least {days:int} days before the assembly"),
        form(
            .outsideMeetingForbidden, [.article],
            nl: "besluiten buiten vergadering niet toegestaan", en: "decisions outside a meeting not allowed"),
        form(
            .outsideMeeting, [.article],
            nl: "besluiten buiten vergadering met \(strictNL) {share:share} van {base:all=alle leden|cast=de uitgebrachte stemmen}",
            en: "decisions outside a meeting with \(strictEN) {share:share} of {base:all=all members|cast=votes cast}"),

        form(
            .shareholder, [.article], opens: .shareholder,
            nl: "sociaal aandeelhouder {name:text}", en: "social shareholder {name:text}"),
        form(
            .shareholderRight, [.shareholder],
            nl: "{right:advice=adviesrecht|consent=instemmingsrecht|veto=vetorecht} bij {kind:name}",
            en: "{right:advice=advice|consent=consent|veto=veto} on {kind:name}"),

        form(
            .boardSizeRange, [.article],
            nl: "bestuur van {min:int} tot en met {max:int} personen", en: "board of {min:int} to {max:int} persons"),
        form(.boardSizeExact, [.article], nl: "bestuur van {count:int} personen", en: "board of {count:int} persons"),
        form(.boardTerm, [.article], nl: "zittingstermijn {years:int} jaar", en: "board term {years:int} years"),
        form(.boardSeat, [.article], nl: "bestuurszetel voor {party:text}", en: "board seat for {party:text}"),
        form(
            .organisation, [.article],
            nl: "organisatie {name:text}", en: "{_:organisation;organization} {name:text}"),
        form(.principle, [.article], nl: "beginsel {text:text}", en: "principle {text:text}"),
        form(
            .annualAccounts, [.article],
            nl: "jaarrekening binnen {months:int} maanden na einde boekjaar",
            en: "annual accounts within {months:int} months after year end"),
    ]

    /// Forms by id.
    public static let formsByID: [FormID: RuleForm] = Dictionary(uniqueKeysWithValues: forms.map { ($0.id, $0) })

    /// Forms that a line starting with a given (lower-cased) word may be.
    static let formsByLeadingWord: [String: [RuleForm]] = {
        var table: [String: [RuleForm]] = [:]
        for form in forms {
            for word in form.leadingWords { table[word, default: []].append(form) }
        }
        return table
    }()

    /// Leading words of forms valid in a context, for "did you mean" suggestions.
    static func leadingWords(in context: SyntaxContext) -> [String] {
        forms.filter { $0.contexts.contains(context) }.flatMap { $0.leadingWords }.sorted()
    }

    /// The canonical first words of a form in a language (for messages): `gebied`, `sociaal aandeelhouder`.
    static func keyword(of id: FormID, in language: Language) -> String {
        guard let pattern = formsByID[id]?.patterns[language] else { return id.rawValue }
        var words: [String] = []
        for element in pattern {
            guard case .word(let w) = element else { break }
            words.append(w)
        }
        if words.isEmpty, case .choice(_, let options)? = pattern.first { return options[0].phrases[0].joined(separator: " ") }
        return words.joined(separator: " ")
    }

    private static func form(
        _ id: FormID, _ contexts: Set<SyntaxContext>, opens: SyntaxContext? = nil, nl: String, en: String
    ) -> RuleForm {
        RuleForm(
            id: id, contexts: contexts, opens: opens,
            patterns: [.nl: PatternNotation.parse(nl), .en: PatternNotation.parse(en)])
    }
}
