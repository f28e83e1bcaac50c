import ArgumentParser
import BuurtstemStore
import BuurtstemWeb

/// `buurtstem serve --db FILE [--host 127.0.0.1] [--port 8080]`
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Serve the voting pages and the JSON API for an association.",
        discussion: """
        Residents vote on their phones at http://HOST:PORT/ with the code from their letter; the JSON
        API is under /api/v1 (see docs/api.md). Stops gracefully on SIGTERM or SIGINT. The command-line
        tool can work on the same database at the same time.

        Example:
          buurtstem serve --db wildeman.sqlite --port 8080
        """)
    @OptionGroup var database: DatabaseOptions
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Option(help: "The port.") var port = 8080

    func run() async throws {
        let db = try database.open()
        print("Buurtstem serves \(try database.path()) at http://\(host):\(port)/ (Ctrl-C stops)")
        try await BuurtstemServer.run(database: db, host: host, port: port)
    }
}
