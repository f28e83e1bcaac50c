public import Statuut

/// The few words the compliance report and other findings need for values the program names
/// internally (a tally method, a shareholder's response, an outcome): plain words in both
/// languages, never the internal name (`equalShares`, `advice`, `noQuorum`).
public enum Words {
    /// A count with its noun: "1 volmacht", "3 volmachten".
    public static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// A tally method in a few words.
    public static func method(_ method: TallyMethod) -> Bilingual {
        switch method {
        case .yesNo: Bilingual("voor of tegen", "yes or no")
        case .plurality: Bilingual("één keuze", "single choice")
        case .approval: Bilingual("goedkeuring", "approval")
        case .instantRunoff: Bilingual("voorkeursstemming", "instant runoff")
        case .singleTransferableVote: Bilingual("overdraagbare stem (STV)", "single transferable vote")
        case .schulze: Bilingual("Schulze", "Schulze")
        case .equalShares: Bilingual("gelijke delen", "method of equal shares")
        case .greedy: Bilingual("meeste stemmen binnen het budget", "most votes within the budget")
        case .greedyTopUp:
            Bilingual(
                "meeste stemmen tot en met het eerste project dat niet past, aangevuld",
                "most votes up to and including the first project that does not fit, topped up")
        }
    }

    /// A social shareholder's response.
    public static func response(_ kind: ShareholderResponse.Kind) -> Bilingual {
        switch kind {
        case .advice: Bilingual("advies", "advice")
        case .consent: Bilingual("instemming", "consent")
        case .refusal: Bilingual("weigering", "refusal")
        }
    }

    /// An outcome as stored (`adopted`, `noQuorum`, …); an unknown one as written.
    public static func outcome(_ stored: String) -> Bilingual {
        switch stored {
        case "adopted": Bilingual("aangenomen", "adopted")
        case "rejected": Bilingual("verworpen", "rejected")
        case "chairDecides": Bilingual("de voorzitter beslist", "the chair decides")
        case "revote": Bilingual("opnieuw stemmen", "vote again")
        case "noQuorum": Bilingual("geen quorum", "no quorum")
        case "decided": Bilingual("besloten", "decided")
        default: Bilingual(stored, stored)
        }
    }
}
