import BuurtstemCore
import BuurtstemDocuments
import BuurtstemStore
public import Hummingbird
import Statuut

/// The board's own page for who sits on the board: appointments, reappointments and departures,
/// each checked by the statute as `buurtstem board` checks them, with what the statute asks (its
/// size, the term, the seats of social shareholders). Board accounts only.
struct BoardMembersPage: Sendable {
    let database: AppDatabase
    let clock: WallClock

    /// Routes under `/bestuur`, behind the board's gate.
    func register(on board: RouterGroup<StaffContext>) {
        board.get("bestuursleden") { _, context in
            let session = try context.session
            return try await Lane.pages.run { try self.page(session) }
        }
        board.post("bestuursleden/:step") { _, context in
            let (session, form, step) = (try context.session, try context.form(BoardMemberForm.self), context.parameters.get("step") ?? "")
            return try await Lane.pages.run { try self.step(session, form, step) }
        }
    }

    func page(_ session: StaffSession, message: (nl: String, en: String)? = nil, ok: Bool = false, status: HTTPResponse.Status = .ok) throws -> Response {
        let today = clock.today()
        let (statute, _) = try database.statute(on: today)
        let rule = statute.board
        let rules = BoardRules(statute: statute)
        let members = try database.boardMembers()
        var asks: [BothLanguages] = []
        if let low = rule.value.minimumSize, let high = rule.value.maximumSize {
            asks.append(Catalogue.both("boardSizeBetween", ["low": String(low), "high": String(high)]))
        } else if let low = rule.value.minimumSize {
            asks.append(Catalogue.both("boardSizeAtLeast", ["low": String(low)]))
        } else if let high = rule.value.maximumSize {
            asks.append(Catalogue.both("boardSizeAtMost", ["high": String(high)]))
        }
        if let years = rule.value.termYears { asks.append(Catalogue.both("boardTermYears", ["years": String(years)])) }
        for party in rule.value.seatsFor { asks.append(Catalogue.both("boardSeatFor", ["party": party])) }
        let view = BoardMembersView(
            asks: asks, article: rule.source.cited(in: .nl),
            sitting: members.filter { $0.sits(on: today) }.enumerated().map { index, member in
                .init(
                    index: index, name: member.name, seatFor: member.seatFor, appointedOn: member.appointedOn.description,
                    termEnds: rules.termEnds(for: member)?.description)
            },
            former: members.filter { !$0.sits(on: today) && $0.leftOn != nil }.map { member in
                .init(name: member.name, seatFor: member.seatFor, appointedOn: member.appointedOn.description, leftOn: member.leftOn?.description)
            },
            seats: rule.value.seatsFor, today: today.description)
        return PageTemplates.staffPage("board-members", title: "boardMembersTitle", session: session, view: view, flash: message, ok: ok, status: status)
    }

    /// Appointing, reappointing, a departure.
    func step(_ session: StaffSession, _ form: BoardMemberForm, _ step: String) throws -> Response {
        let actor = session.account.actor
        do {
            guard let name = form.name.filled else { throw Problem(key: "boardMemberName") }
            guard let day = CivilDate(iso: form.on.filled ?? "") else { throw Problem(key: "enterDate") }
            switch step {
            case "benoemen":
                _ = try database.appointBoardMember(name: name, seatFor: form.seatFor.filled, on: day, actor: actor)
                return try page(session, message: Catalogue.pair("boardMemberAppointed", ["name": name, "date": day.description]), ok: true)
            case "herbenoemen":
                _ = try database.reappointBoardMember(name: name, on: day, actor: actor)
                return try page(session, message: Catalogue.pair("boardMemberReappointed", ["name": name, "date": day.description]), ok: true)
            case "vertrek":
                try database.boardMemberLeaves(name: name, on: day, actor: actor)
                return try page(session, message: Catalogue.pair("boardMemberLeft", ["name": name, "date": day.description]), ok: true)
            default:
                throw HTTPError(.notFound)
            }
        } catch let error as HTTPError {
            throw error
        } catch let problem as Problem {
            return try page(session, message: (problem.nl, problem.en), status: .badRequest)
        } catch {
            return try page(session, message: explain(error), status: Explained(error).status)
        }
    }
}

/// An appointment, reappointment or departure: who, on which day, and for an appointment the
/// social shareholder whose seat it fills.
struct BoardMemberForm: Decodable {
    var name: String?
    var on: String?
    var seatFor: String?
}

/// The board members page: what the statute asks, who sits now, who sat before.
struct BoardMembersView {
    struct Sitting {
        /// Its place in the list, for the form fields' ids.
        var index: Int
        var name: String
        var seatFor: String?
        var appointedOn: String
        var termEnds: String?
    }
    struct Former {
        var name: String
        var seatFor: String?
        var appointedOn: String
        var leftOn: String?
    }
    var asks: [BothLanguages]
    var article: String
    var hasAsks: Bool
    var sitting: [Sitting]
    var former: [Former]
    /// The parties with a seat by the statute, for the appointment form.
    var seats: [String]
    /// The date fields start at today.
    var today: String
    // Stored, not computed: a template reads stored properties only.
    var hasSitting: Bool
    var hasFormer: Bool
    var hasSeats: Bool

    init(asks: [BothLanguages], article: String, sitting: [Sitting], former: [Former], seats: [String], today: String) {
        (self.asks, self.article, self.hasAsks) = (asks, article, !asks.isEmpty)
        (self.sitting, self.former, self.seats, self.today) = (sitting, former, seats, today)
        (hasSitting, hasFormer, hasSeats) = (!sitting.isEmpty, !former.isEmpty, !seats.isEmpty)
    }
}
