import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
import Hummingbird
import Statuut

/// Every error a page or the API can meet, in one place: its HTTP status, the API's stable id,
/// and the words in Dutch and English (from the catalogue, or from the refusal that carries them).
/// Pages show `nl`/`en`; the API sends `id` and `en`; the status is the same for both.
struct Explained: Error {
    var status: HTTPResponse.Status
    var id: String
    var nl: String
    var en: String

    /// The words as a pair, for a page's message.
    var pair: (nl: String, en: String) { (nl, en) }

    init(_ status: HTTPResponse.Status, id: String, _ pair: (nl: String, en: String)) {
        self.status = status
        self.id = id
        (nl, en) = pair
    }

    init(_ error: any Error) {
        switch error {
        case let rejection as VoteRejection: self = Self.rejection(rejection)
        case let problem as VotingCode.Problem: self.init(.badRequest, id: "typo", ResidentPages.explain(problem))
        case let refusal as Refusal: self.init(.conflict, id: "refused", (refusal.text(in: .nl), refusal.text(in: .en)))
        case let store as StoreError:
            self.init(store.isNotFound ? .notFound : .conflict, id: store.isNotFound ? "not-found" : "conflict", (store.nl, store.message))
        case let problem as Problem: self.init(.badRequest, id: "bad-request", (problem.nl, problem.en))
        case let weak as PasswordHash.Weak: self.init(.badRequest, id: "weak-password", (weak.description, weak.description))
        case let malformed as BallotOption.Malformed: self.init(.badRequest, id: "bad-option", (malformed.nl, malformed.en))
        case is NotFound: self.init(.notFound, id: "not-found", Catalogue.pair("notFoundText"))
        case is SentTwice: self.init(.conflict, id: "sent-twice", Catalogue.pair("alreadyDoneText"))
        case let api as APIError: self.init(api.status, id: api.id, (api.message, api.message))
        case let http as any HTTPResponseError: self.init(http.status, id: "http-\(http.status.code)", (http.status.reasonPhrase, http.status.reasonPhrase))
        default: self.init(.internalServerError, id: "internal", Catalogue.pair("somethingWentWrongText"))
        }
    }

    /// A vote that was not taken: the status the API answers, and the reason in both languages.
    static func rejection(_ rejection: VoteRejection) -> Explained {
        let status: HTTPResponse.Status =
            switch rejection {
            case .typo, .invalidChoice: .badRequest
            case .unknownCode, .notCheckedIn, .revoked, .codeNewerThanBallot: .forbidden
            case .alreadyVoted, .ballotClosed: .conflict
            case .noSuchBallot: .notFound
            case .storageFull: .serviceUnavailable
            }
        let words: (nl: String, en: String) =
            switch rejection {
            case .typo(let problem): ResidentPages.explain(problem)
            case .invalidChoice(let refusal): Self.notValid(refusal)
            default: Catalogue.pair("rejection-\(rejection.id)")
            }
        return Explained(status, id: rejection.id, words)
    }

    private static func notValid(_ refusal: Refusal) -> (nl: String, en: String) {
        (Catalogue.text("voteNotValid", .nl, ["reason": refusal.nl]), Catalogue.text("voteNotValid", .en, ["reason": refusal.en]))
    }
}

/// A refusal, a store error or anything else, as a message for a page.
func explain(_ error: any Error) -> (nl: String, en: String) { Explained(error).pair }
