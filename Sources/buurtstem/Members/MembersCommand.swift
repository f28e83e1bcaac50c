import ArgumentParser
import BuurtstemCore
import BuurtstemStore
import Statuut

/// `buurtstem members …`
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Who is a member on a date, and why; applications, admission, join and leave (opt-in statutes).",
        subcommands: [
            MembersCount.self, MembersList.self, MembersWhy.self, MembersApply.self, MembersDecide.self, MembersApplications.self,
            MembersJoin.self, MembersLeave.self,
        ]
    )
}
