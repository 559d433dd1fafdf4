/// A decision table on a rulebook page: the full table, and when its rows form a two-way matrix
/// (like the geohazard annex), the matrix drawn as a grid coloured by the output's class.
struct RulebookTableView {
    let table: DecisionTable
    let decision: Decision
    /// The id of the table on its page; rows get `<anchor>-r<N>`.
    let anchor: String

    func render() -> String {
        var h = ""
        if let grid = MatrixGrid(table) { h += gridHTML(grid) }
        h += fullTable()
        return h
    }

    /// The declared type of a table output (local names have none).
    func outputType(_ name: String) -> ValueType? {
        decision.outputs.first { $0.name == name }?.type
    }

    /// The input a column reads, when the column is a bare input name.
    func inputSpec(_ column: Int) -> FieldSpec? {
        guard column < table.inputs.count else { return nil }
        return decision.inputs.first { $0.name == table.inputs[column].text }
    }

    func columnHead(_ column: Int) -> String {
        let text = table.inputs[column].text
        guard let spec = inputSpec(column), let label = spec.label else { return "<code>\(HTML.text(text))</code>" }
        return HTML.zh(label.zh) + "<br><code>\(HTML.text(text))</code>"
    }

    /// A condition cell: the test, an enum code's label, and the source wording it encodes.
    func conditionCell(_ cell: TableCell, column: Int) -> String {
        var h = "<code>\(HTML.text(cell.text))</code>"
        if case .enumeration(let def)? = inputSpec(column)?.type, let i = def.index(of: cell.text) {
            h += " " + HTML.zh(def.cases[i].label.zh)
        }
        if let w = cell.wording { h += "<span class=\"wording\" lang=\"zh-Hans\">「\(HTML.text(w))」</span>" }
        return h
    }

    func fullTable() -> String {
        var h = "<table class=\"dt\" id=\"\(anchor)\"><caption>\(HTML.text(table.name)) — hit policy <code>\(table.hitPolicy.rawValue)"
        if let a = table.aggregation { h += " \(a.rawValue)" }
        h += "</code></caption><thead><tr><th>#</th>"
        for c in table.inputs.indices { h += "<th>\(columnHead(c))</th>" }
        for o in table.outputs { h += "<th>→ <code>\(HTML.text(o))</code></th>" }
        h += "<th>依据 <span lang=\"en\" class=\"en\">cites</span></th></tr></thead><tbody>"
        for (i, r) in table.rows.enumerated() {
            h += "<tr id=\"\(anchor)-r\(i + 1)\"><td class=\"num\">\(i + 1)</td>"
            for (c, cell) in r.when.enumerated() { h += "<td>\(conditionCell(cell, column: c))</td>" }
            for o in table.outputs {
                h += "<td>" + (r.then.first { $0.name == o }.map { RulebookFormat.cell($0.cell, outputType(o)) } ?? "") + "</td>"
            }
            h += "<td>\(RulebookFormat.citeLinks(r.cite, in: decision))"
            if let a = r.annotation { h += "<br>" + HTML.zh(a) }
            h += "</td></tr>"
        }
        if !table.defaults.isEmpty {
            h += "<tr><td>default</td>" + String(repeating: "<td></td>", count: table.inputs.count)
            for o in table.outputs {
                h += "<td>" + (table.defaults.first { $0.name == o }.map { RulebookFormat.cell($0.cell, outputType(o)) } ?? "") + "</td>"
            }
            h += "<td></td></tr>"
        }
        return h + "</tbody></table>"
    }

    func gridHTML(_ g: MatrixGrid) -> String {
        let type = outputType(g.output)
        var h = "<table class=\"matrix\" id=\"\(anchor)-grid\" data-output=\"\(HTML.attr(g.output))\">"
        h += "<caption>\(HTML.text(table.name)) — <code>\(HTML.text(g.output))</code> by \(HTML.text(table.inputs[0].text)) × \(HTML.text(table.inputs[1].text))</caption>"
        h += "<thead><tr><th>\(columnHead(0)) \\ \(columnHead(1))</th>"
        for c in g.columns { h += "<th>\(conditionCell(c, column: 1))</th>" }
        h += "</tr></thead><tbody>"
        for (ri, r) in g.rows.enumerated() {
            h += "<tr><th scope=\"row\">\(conditionCell(r, column: 0))</th>"
            for ci in g.columns.indices {
                let rowIndex = g.cells[ri][ci]
                let out = table.rows[rowIndex].then.first { $0.name == g.output }?.cell
                let tone = out.map { RulebookTableView.tone($0, type) } ?? "tone-0"
                var code = ""
                if case .literal(.string(let s))? = out { code = s }
                h += "<td class=\"cell \(tone)\" data-value=\"\(HTML.attr(code))\"><a href=\"#\(anchor)-r\(rowIndex + 1)\">"
                h += out.map { RulebookFormat.cell($0, type) } ?? ""
                h += "</a></td>"
            }
            h += "</tr>"
        }
        h += "</tbody></table>"
        if case .enumeration(let def)? = type {
            h += "<p class=\"legend\">" + def.cases.map { c in
                "<span class=\"\(RulebookTableView.tone(.literal(.string(c.code)), type))\">\(HTML.zh(c.label.zh)) <code>\(HTML.text(c.code))</code></span>"
            }.joined() + "</p>"
        }
        return h
    }

    /// The colour class of an output value: an ordered enum runs from grey (lowest) to red (highest);
    /// other enums take distinct hues by position.
    static func tone(_ cell: OutputCell, _ type: ValueType?) -> String {
        guard case .literal(.string(let s)) = cell, case .enumeration(let def)? = type, let i = def.index(ofCode: s) else {
            return "tone-0"
        }
        guard def.ordered, def.cases.count > 1 else { return "tone-c\(i % 6)" }
        let step = (i * 4 + (def.cases.count - 1) / 2) / (def.cases.count - 1)
        return "tone-\(step)"
    }
}

/// The rows of a two-input table that cover every pair of their two columns' conditions exactly
/// once, arranged as a grid. Rows with `-` in either column stay outside (the full table shows them).
struct MatrixGrid {
    /// Distinct conditions of the first column (grid rows) and the second (grid columns), in file order.
    let rows: [TableCell]
    let columns: [TableCell]
    /// For each grid row and column, the index of the table row giving its value.
    let cells: [[Int]]
    /// The output that colours the grid.
    let output: String

    init?(_ t: DecisionTable) {
        guard t.inputs.count == 2, let output = t.outputs.first else { return nil }
        let inGrid = t.rows.indices.filter { i in t.rows[i].when.count == 2 && t.rows[i].when.allSatisfy { $0.test != .any } }
        var rowKeys: [String] = [], colKeys: [String] = []
        var rowCells: [TableCell] = [], colCells: [TableCell] = []
        var at: [String: Int] = [:]
        for i in inGrid {
            let (a, b) = (t.rows[i].when[0], t.rows[i].when[1])
            if !rowKeys.contains(a.text) { rowKeys.append(a.text); rowCells.append(a) }
            if !colKeys.contains(b.text) { colKeys.append(b.text); colCells.append(b) }
            let key = a.text + "\u{1}" + b.text
            guard at[key] == nil else { return nil }  // a pair twice: not a plain matrix
            at[key] = i
        }
        guard rowKeys.count >= 2, colKeys.count >= 2, at.count == rowKeys.count * colKeys.count else { return nil }
        var grid: [[Int]] = []
        for r in rowKeys {
            var line: [Int] = []
            for c in colKeys {
                guard let i = at[r + "\u{1}" + c] else { return nil }
                line.append(i)
            }
            grid.append(line)
        }
        self.rows = rowCells
        self.columns = colCells
        self.cells = grid
        self.output = output
    }
}
