import BuurtstemCore
import BuurtstemDocuments
public import Hummingbird

/// Minimal server-side HTML: escaping, a page layout that works at 320 px without JavaScript,
/// and Dutch with English beside it.
enum HTML {
    /// Escapes text for HTML content and attribute values.
    static func h(_ text: String) -> String { HTMLText.escape(text) }

    /// A bilingual string: Dutch first, English beside it in a smaller, lighter line.
    static func both(_ nl: String, _ en: String) -> String {
        "\(h(nl)) <span class=\"en\" lang=\"en\">\(h(en))</span>"
    }

    /// Dutch and English on one line, for short labels inside a sentence or a table cell.
    static func inline(_ nl: String, _ en: String) -> String {
        "\(h(nl)) <span class=\"en-i\" lang=\"en\">/ \(h(en))</span>"
    }

    /// Whole euros the Dutch way: `€ 25.000`.
    static func euros(_ amount: Int) -> String {
        let digits = String(abs(amount))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "." }
            grouped.append(digit)
        }
        return "€ " + (amount < 0 ? "-" : "") + grouped
    }

    static func page(_ title: String, _ body: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], wide: Bool = false) -> Response {
        let html = """
            <!doctype html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(title)) · Buurtstem</title>
            <link rel="stylesheet" href="/static/style.css">
            </head>
            <body>
            <header><a href="/" class="brand">Buurtstem</a></header>
            <main\(wide ? " class=\"wide\"" : "")>
            \(body)
            </main>
            </body>
            </html>
            """
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: .init(string: html)))
    }

    static let stylesheet = """
        :root { --ink: #1b1b1b; --muted: #555; --accent: #0b5fff; --bg: #fff; --ok: #146c2e; --warn: #8a1c1c; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 18px/1.5 system-ui, sans-serif; color: var(--ink); background: var(--bg); }
        header { padding: .75rem 1rem; border-bottom: 1px solid #ddd; }
        .brand { font-weight: 700; color: var(--ink); text-decoration: none; }
        main { max-width: 34rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; }
        .en { display: block; color: var(--muted); font-size: .85em; }
        label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
        input[type=text], select { width: 100%; font-size: 1.2rem; padding: .6rem; border: 2px solid #888; border-radius: 6px; }
        input[type=text]:focus, select:focus, button:focus, a:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
        fieldset { border: 1px solid #bbb; border-radius: 6px; margin: 1rem 0; padding: .5rem 1rem 1rem; }
        .choice { display: flex; gap: .6rem; align-items: center; padding: .5rem 0; font-size: 1.1rem; }
        .choice input { width: 1.5rem; height: 1.5rem; }
        button { display: block; width: 100%; margin-top: 1rem; padding: .8rem; font-size: 1.2rem; font-weight: 700; color: #fff;
                 background: var(--accent); border: 0; border-radius: 6px; }
        button .en { color: #fff; opacity: .9; }
        button.secondary { background: #444; }
        .big { font-size: 1.4rem; font-weight: 600; }
        .qr svg { width: 12rem; height: 12rem; }
        .head { color: var(--muted); font: .9rem ui-monospace, monospace; overflow-wrap: anywhere; }
        section svg { width: 100%; height: auto; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #ddd; font-variant-numeric: tabular-nums; }
        .error { color: var(--warn); border-left: 4px solid var(--warn); padding-left: .75rem; }
        .ok { color: var(--ok); border-left: 4px solid var(--ok); padding-left: .75rem; }
        .receipt { font: 700 1.6rem/1.2 ui-monospace, monospace; letter-spacing: .1em; }
        ul.ballots { list-style: none; padding: 0; }
        ul.ballots li { border: 1px solid #bbb; border-radius: 6px; margin: .5rem 0; padding: .75rem; }
        main.wide { max-width: 60rem; }
        .en-i { color: var(--muted); font-size: .85em; }
        input[type=password], input[type=date], input[type=number], textarea { width: 100%; font-size: 1.1rem; padding: .5rem;
                 border: 2px solid #888; border-radius: 6px; font-family: inherit; }
        input:focus, textarea:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
        nav.staff { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: 1rem; }
        form.inline { display: inline-block; margin: .25rem .25rem .25rem 0; }
        form.inline button { display: inline-block; width: auto; margin: 0; padding: .4rem .8rem; font-size: 1rem; }
        button.link { background: none; color: var(--accent); text-decoration: underline; font-weight: 400; padding: 0; }
        button.link .en { color: var(--muted); }
        .card { border: 1px solid #bbb; border-radius: 6px; margin: .75rem 0; padding: .75rem; }
        .alert { background: #fdecea; color: var(--warn); border: 2px solid var(--warn); border-radius: 6px; padding: .75rem; font-weight: 600; }
        .code { font: 700 1.8rem/1.2 ui-monospace, monospace; letter-spacing: .08em; }
        .row { display: flex; flex-wrap: wrap; gap: .75rem; }
        .row > * { flex: 1 1 10rem; }
        """
}
