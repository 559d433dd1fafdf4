/// The built-in functions of the expression language, type-checked and compiled at load.
enum FunctionLibrary {
    static let names: [String] = [
        "round", "roundHalfEven", "roundDown", "roundUp", "floor", "ceil", "min", "max", "abs",
        "present", "coalesce", "label", "labelEn", "date", "datetime", "quarter",
        "addDays", "addMonths", "addYears", "daysBetween", "year", "month", "day", "endOfMonth",
        "addWorkingDays", "isWorkingDay", "workingDaysBetween",
        "quarterOf", "quarterStart", "quarterEnd", "quartersOfYear", "hoursBetween", "addHours", "toDate",
        "count", "exists", "all", "filter", "map", "sum", "contains", "distinct",
    ]

    typealias C = ExpressionCompiler

    static func compile(_ name: String, _ args: [Expr], call: Expr, compiler c: C) throws(CompileError) -> CompiledExpr {
        func arity(_ n: ClosedRange<Int>) throws(CompileError) {
            guard n.contains(args.count) else {
                let want = n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound)–\(n.upperBound)"
                throw c.fail("\(name) takes \(want) argument(s), got \(args.count)", call)
            }
        }
        func arg(_ i: Int) throws(CompileError) -> CompiledExpr { try c.compile(args[i]) }
        func expect(_ x: CompiledExpr, _ i: Int, _ ok: (ValueType) -> Bool, _ what: String) throws(CompileError) {
            if c.isNull(x.type) || ok(x.type) { return }
            throw c.fail("argument \(i + 1) of \(name) must be \(what), but \(c.text(args[i])) is \(x.type.name)", args[i])
        }
        let isNum: (ValueType) -> Bool = { $0.isNumber }
        let isDate: (ValueType) -> Bool = { if case .date = $0 { return true } else { return false } }
        let isInt: (ValueType) -> Bool = { if case .integer = $0 { return true } else { return false } }
        let isTime: (ValueType) -> Bool = { if case .datetime = $0 { return true } else { return false } }
        let whole = c.text(call)
        func w(_ i: Int) -> String { c.text(args[i]) }

        switch name {
        case "round", "roundHalfEven", "roundDown", "roundUp":
            try arity(2...2)
            let x = try arg(0), n = try arg(1)
            try expect(x, 0, isNum, "a number")
            guard case .number(let placesD)? = n.constant, let places = placesD.intValue, (0...28).contains(places) else {
                throw c.fail("argument 2 of \(name) must be a whole number of decimal places from 0 to 28", args[1])
            }
            let mode: ExactDecimal.Rounding = ["round": .halfUp, "roundHalfEven": .halfEven, "roundDown": .down, "roundUp": .up][name] ?? .halfUp
            let xw = w(0), xn = x.asNumber(xw)
            return .numeric(places == 0 && x.type.isNumber ? .integer : .decimal) { f throws(EvaluationError) in
                guard let v = try xn(f) else { throw Operators.nullNumber(xw) }
                return v.rounded(to: places, mode: mode)
            }
        case "floor", "ceil":
            try arity(1...1)
            let x = try arg(0)
            try expect(x, 0, isNum, "a number")
            let xw = w(0), xn = x.asNumber(xw), mode: ExactDecimal.Rounding = name == "floor" ? .floor : .ceiling
            return .numeric(.integer) { f throws(EvaluationError) in
                guard let v = try xn(f) else { throw Operators.nullNumber(xw) }
                return v.rounded(to: 0, mode: mode)
            }
        case "abs":
            try arity(1...1)
            let x = try arg(0)
            try expect(x, 0, isNum, "a number")
            let xw = w(0), xn = x.asNumber(xw)
            return .numeric(x.type) { f throws(EvaluationError) in
                guard let v = try xn(f) else { throw Operators.nullNumber(xw) }
                return v.magnitude
            }
        case "min", "max":
            guard !args.isEmpty else { throw c.fail("\(name) needs at least one argument", call) }
            var xs = try args.map { (a: Expr) throws(CompileError) -> CompiledExpr in try c.compile(a) }
            var type: ValueType = .null
            if xs.count == 1, case .list(let item) = xs[0].type {
                type = item
            } else {
                for (x, a) in zip(xs, args) { type = try c.unify(type, x.type, a) }
            }
            guard type.isNumber || isDate(type) || c.isNull(type) else { throw c.fail("\(name) works on numbers or dates", call) }
            let wantMin = name == "min"
            let single = xs.count == 1 && { if case .list = xs[0].type { return true } else { return false } }()
            let labels = args.map { c.text($0) }
            // Two numbers (`max(0, a - b)`) are compared unboxed, with no array per call; both are
            // evaluated before either is checked for null, as the general path does.
            if !single, type.isNumber, xs.count == 2 {
                let a = xs[0].asNumber(labels[0]), b = xs[1].asNumber(labels[1])
                xs.removeAll()
                return .numeric(type) { f throws(EvaluationError) in
                    let x = try a(f), y = try b(f)
                    guard let x else { throw Operators.absent(labels[0], in: whole) }
                    guard let y else { throw Operators.absent(labels[1], in: whole) }
                    let o = ExactDecimal.compare(y, x)
                    return (wantMin ? o < 0 : o > 0) ? y : x
                }
            }
            let evals = xs.map(\.eval)
            xs.removeAll()
            return CompiledExpr(type: type, eval: { f throws(EvaluationError) in
                var values: [(Value, String)] = []
                if single {
                    for v in try Operators.list(try evals[0](f), labels[0]) { values.append((v, labels[0])) }
                    if values.isEmpty { return .null }
                } else {
                    for (ev, l) in zip(evals, labels) { values.append((try ev(f), l)) }
                }
                var best: Value = .null
                for (v, l) in values {
                    if v.isNull { throw Operators.absent(l, in: whole) }
                    if best.isNull { best = v; continue }
                    guard let o = Operators.order(v, best) else { throw EvaluationError(.inputType, "\(whole): \(v) cannot be compared") }
                    if wantMin ? o < 0 : o > 0 { best = v }
                }
                return best
            }, constant: nil)
        case "present":
            try arity(1...1)
            let x = try arg(0)
            // `present(name)` reads the slot itself: one call, not three.
            if case .name(let n, _) = args[0], let slot = c.scope.lookup(n)?.slot {
                var e = CompiledExpr.boolean { f throws(EvaluationError) in !f.slots[slot].isNull }
                e.presenceTests = [PresenceTest(slot: slot, present: true)]
                return e
            }
            if let n = x.number { return .boolean { f throws(EvaluationError) in try n(f) != nil } }
            if let d = x.day { return .boolean { f throws(EvaluationError) in try d(f) != nil } }
            let xe = x.eval
            return .boolean { f throws(EvaluationError) in !(try xe(f)).isNull }
        case "coalesce":
            try arity(2...8)
            let xs = try args.map { (a: Expr) throws(CompileError) -> CompiledExpr in try c.compile(a) }
            var type: ValueType = .null
            for (x, a) in zip(xs, args) { type = try c.unify(type, x.type, a) }
            let evals = xs.map(\.eval)
            return CompiledExpr(type: type, eval: { f throws(EvaluationError) in
                for ev in evals { let v = try ev(f); if !v.isNull { return v } }
                return .null
            }, constant: nil)
        case "label", "labelEn":
            try arity(1...1)
            let x = try arg(0)
            guard case .enumeration(let def) = x.type else { throw c.fail("\(name) needs an enum value, but \(w(0)) is \(x.type.name)", args[0]) }
            let xe = x.eval, zh = name == "label"
            // Codes and their label Values, built once: a short scan of small strings beats hashing.
            let codes = def.cases.map(\.code)
            let labels = def.cases.map { Value.string(zh ? $0.label.zh : $0.label.en) }
            return CompiledExpr(type: .string, eval: { f throws(EvaluationError) in
                guard case .string(let code) = try xe(f) else { return .null }
                for i in codes.indices where codes[i] == code { return labels[i] }
                return .null
            }, constant: nil)
        case "date":
            if args.count == 3 {
                let xs = try args.map { (a: Expr) throws(CompileError) -> CompiledExpr in try c.compile(a) }
                for (i, x) in xs.enumerated() { try expect(x, i, isNum, "a whole number") }
                let evals = xs.map(\.eval)
                return CompiledExpr(type: .date, eval: { f throws(EvaluationError) in
                    var parts: [Int] = []
                    for (i, ev) in evals.enumerated() {
                        guard let n = try Operators.number(try ev(f), w(i)).intValue else {
                            throw EvaluationError(.inputType, "\(whole): \(w(i)) is not a whole number")
                        }
                        parts.append(n)
                    }
                    guard let d = Day(year: parts[0], month: parts[1], day: parts[2]) else {
                        throw EvaluationError(.inputFormat, "\(whole): \(parts[0])-\(parts[1])-\(parts[2]) is not a date")
                    }
                    return .date(d)
                }, constant: nil)
            }
            try arity(1...1)
            guard case .string(let s, _) = args[0], let d = Day(s) else {
                throw c.fail("date(\"YYYY-MM-DD\") needs a valid ISO date literal", call)
            }
            return .constant(.date(d), .date)
        case "datetime":
            try arity(1...1)
            guard case .string(let s, _) = args[0], let t = Instant(iso: s[...]) else {
                throw c.fail("datetime(\"YYYY-MM-DDTHH:MM:SS+08:00\") needs a valid ISO 8601 literal", call)
            }
            return .constant(.datetime(t), .datetime)
        case "quarter":
            try arity(1...1)
            guard case .string(let s, _) = args[0], let q = Quarter(s) else {
                throw c.fail("quarter(\"YYYYQn\") needs a valid quarter literal", call)
            }
            return .constant(.quarter(q), .quarter)
        case "addDays", "addMonths", "addYears", "addWorkingDays":
            try arity(2...2)
            let d = try arg(0), n = try arg(1)
            try expect(d, 0, isDate, "a date")
            try expect(n, 1, isInt, "a whole number")
            let dw = w(0), nw = w(1), dd = d.asDay(dw), nn = n.asNumber(nw)
            // The function is chosen here, once, not by comparing its name on every call.
            enum Kind { case days, months, years, working }
            let kind: Kind = name == "addDays" ? .days : (name == "addMonths" ? .months : (name == "addYears" ? .years : .working))
            return .dated { f throws(EvaluationError) in
                guard let day = try dd(f) else {
                    throw Operators.absent(dw, "a date")
                }
                guard let count = try nn(f) else { throw Operators.nullNumber(nw) }
                guard let k = count.intValue, abs(k) <= 100_000 else {
                    throw EvaluationError(.arithmetic, "\(whole): \(nw) is not a whole number of reasonable size")
                }
                switch kind {
                case .days: return day.adding(days: k)
                case .months, .years:
                    guard let r = day.adding(months: kind == .months ? k : 12 * k) else {
                        throw EvaluationError(.arithmetic, "\(whole) falls outside years 1–9999")
                    }
                    return r
                case .working:
                    guard let cal = f.calendar else {
                        throw EvaluationError(.calendarRange, "\(whole) needs the working-day calendar, and none is loaded")
                    }
                    var skipped: [(Day, WorkingDayCalendar.Kind)] = [], counted: [(Day, WorkingDayCalendar.Kind)] = []
                    let r = try cal.addWorkingDays(day, k, skipped: &skipped, counted: &counted)
                    if f.notes != nil {
                        f.notes?.append(WorkingDayNote.describe(call: whole, start: day, n: k, result: r, skipped: skipped, counted: counted))
                    }
                    return r
                }
            }
        case "daysBetween", "workingDaysBetween":
            try arity(2...2)
            let a = try arg(0), b = try arg(1)
            try expect(a, 0, isDate, "a date")
            try expect(b, 1, isDate, "a date")
            let ae = a.eval, be = b.eval, aw = w(0), bw = w(1), working = name == "workingDaysBetween"
            return CompiledExpr(type: .integer, eval: { f throws(EvaluationError) in
                let x = try Operators.date(try ae(f), aw), y = try Operators.date(try be(f), bw)
                if !working { return .number(ExactDecimal(y.ordinal - x.ordinal)) }
                guard let cal = f.calendar else { throw EvaluationError(.calendarRange, "\(whole) needs the working-day calendar") }
                return .number(ExactDecimal(try cal.workingDays(from: x, to: y)))
            }, constant: nil)
        case "isWorkingDay":
            try arity(1...1)
            let d = try arg(0)
            try expect(d, 0, isDate, "a date")
            let de = d.eval, dw = w(0)
            return CompiledExpr(type: .boolean, eval: { f throws(EvaluationError) in
                guard let cal = f.calendar else { throw EvaluationError(.calendarRange, "\(whole) needs the working-day calendar") }
                return .bool(try cal.isWorkingDay(try Operators.date(try de(f), dw)))
            }, constant: nil)
        case "year", "month", "day", "endOfMonth", "quarterOf":
            try arity(1...1)
            let d = try arg(0)
            try expect(d, 0, isDate, "a date")
            let de = d.eval, dw = w(0), kind = name
            let type: ValueType = kind == "endOfMonth" ? .date : (kind == "quarterOf" ? .quarter : .integer)
            return CompiledExpr(type: type, eval: { f throws(EvaluationError) in
                let day = try Operators.date(try de(f), dw)
                switch kind {
                case "year": return .number(ExactDecimal(day.year))
                case "month": return .number(ExactDecimal(day.month))
                case "day": return .number(ExactDecimal(day.day))
                case "endOfMonth": return .date(day.endOfMonth)
                default: return .quarter(Quarter(of: day))
                }
            }, constant: nil)
        case "quarterStart", "quarterEnd":
            try arity(1...1)
            let q = try arg(0)
            try expect(q, 0, { if case .quarter = $0 { return true } else { return false } }, "a quarter")
            let qe = q.eval, qw = w(0), start = name == "quarterStart"
            return CompiledExpr(type: .date, eval: { f throws(EvaluationError) in
                switch try qe(f) {
                case .quarter(let x): return .date(start ? x.firstDay : x.lastDay)
                case .null: throw EvaluationError(.nullValue, path: qw, "\(qw) is absent (null)")
                default: throw EvaluationError(.inputType, "\(qw) is not a quarter")
                }
            }, constant: nil)
        case "quartersOfYear":
            try arity(1...1)
            let y = try arg(0)
            try expect(y, 0, isNum, "a year")
            let ye = y.eval, yw = w(0)
            return CompiledExpr(type: .list(.quarter), eval: { f throws(EvaluationError) in
                guard let year = try Operators.number(try ye(f), yw).intValue, (1...9999).contains(year) else {
                    throw EvaluationError(.inputFormat, "\(yw) is not a year")
                }
                return .list((1...4).compactMap { Quarter(year: year, number: $0).map(Value.quarter) })
            }, constant: nil)
        case "hoursBetween":
            try arity(2...2)
            let a = try arg(0), b = try arg(1)
            try expect(a, 0, isTime, "a datetime")
            try expect(b, 1, isTime, "a datetime")
            let ae = a.eval, be = b.eval, aw = w(0), bw = w(1)
            return CompiledExpr(type: .decimal, eval: { f throws(EvaluationError) in
                let x = try Operators.datetime(try ae(f), aw), y = try Operators.datetime(try be(f), bw)
                let seconds = ExactDecimal(y.epochSeconds - x.epochSeconds)
                return .number(try Operators.arithmetic(.div, seconds, ExactDecimal(3600), whole))
            }, constant: nil)
        case "addHours":
            try arity(2...2)
            let t = try arg(0), h = try arg(1)
            try expect(t, 0, isTime, "a datetime")
            try expect(h, 1, isNum, "a number of hours")
            let te = t.eval, he = h.eval, tw = w(0), hw = w(1)
            return CompiledExpr(type: .datetime, eval: { f throws(EvaluationError) in
                let x = try Operators.datetime(try te(f), tw)
                let seconds = try Operators.arithmetic(.mul, try Operators.number(try he(f), hw), ExactDecimal(3600), whole)
                guard seconds.isInteger, let s = seconds.intValue else {
                    throw EvaluationError(.arithmetic, "\(whole): \(hw) hours is not a whole number of seconds")
                }
                return .datetime(Instant(epochSeconds: x.epochSeconds + s, offsetSeconds: x.offsetSeconds))
            }, constant: nil)
        case "toDate":
            try arity(1...1)
            let t = try arg(0)
            try expect(t, 0, isTime, "a datetime")
            let te = t.eval, tw = w(0)
            return CompiledExpr(type: .date, eval: { f throws(EvaluationError) in
                .date(try Operators.datetime(try te(f), tw).shanghaiDay)
            }, constant: nil)
        case "count", "exists", "all", "filter", "map", "sum", "distinct", "contains":
            return try listFunction(name, args, call: call, compiler: c)
        default:
            throw c.fail("unknown function \"\(name)\" (functions: \(names.joined(separator: ", ")))", call)
        }
    }

    static func listFunction(_ name: String, _ args: [Expr], call: Expr, compiler c: C) throws(CompileError) -> CompiledExpr {
        guard !args.isEmpty else { throw c.fail("\(name) needs a list", call) }
        let xs = try c.compile(args[0])
        guard case .list(let itemType) = xs.type else {
            throw c.fail("argument 1 of \(name) must be a list, but \(c.text(args[0])) is \(xs.type.name)", args[0])
        }
        let xe = xs.eval, xw = c.text(args[0]), whole = c.text(call)
        if name == "contains" {
            guard args.count == 2 else { throw c.fail("contains takes a list and a value", call) }
            let v = try c.compile(args[1])
            let ve = v.eval
            return CompiledExpr(type: .boolean, eval: { f throws(EvaluationError) in
                .bool(try Operators.list(try xe(f), xw).contains(try ve(f)))
            }, constant: nil)
        }
        if name == "distinct" {
            guard args.count == 1 else { throw c.fail("distinct takes one list", call) }
            return CompiledExpr(type: xs.type, eval: { f throws(EvaluationError) in
                var seen: Set<Value> = [], out: [Value] = []
                for v in try Operators.list(try xe(f), xw) where seen.insert(v).inserted { out.append(v) }
                return .list(out)
            }, constant: nil)
        }
        if args.count == 1 {
            switch name {
            case "count":
                return CompiledExpr(type: .integer, eval: { f throws(EvaluationError) in
                    .number(ExactDecimal(try Operators.list(try xe(f), xw).count))
                }, constant: nil)
            case "sum":
                guard itemType.isNumber || c.isNull(itemType) else { throw c.fail("sum needs a list of numbers", call) }
                return CompiledExpr(type: itemType.isNumber ? itemType : .decimal, eval: { f throws(EvaluationError) in
                    var total = ExactDecimal.zero
                    for v in try Operators.list(try xe(f), xw) {
                        total = try Operators.arithmetic(.add, total, try Operators.number(v, xw), whole)
                    }
                    return .number(total)
                }, constant: nil)
            default:
                throw c.fail("\(name) needs a lambda: \(name)(\(xw), x -> …)", call)
            }
        }
        guard args.count == 2 else { throw c.fail("\(name) takes a list and a lambda", call) }
        let (slot, body) = try c.lambda(args[1], itemType: itemType)
        let be = body.eval, bw = c.text(args[1])
        func needBool() throws(CompileError) {
            if case .boolean = body.type { return }
            throw c.fail("the lambda of \(name) must give true or false, but gives \(body.type.name)", args[1])
        }
        switch name {
        case "count", "exists", "all", "filter":
            try needBool()
            let kind = name
            return CompiledExpr(type: kind == "filter" ? xs.type : (kind == "count" ? .integer : .boolean), eval: { f throws(EvaluationError) in
                let items = try Operators.list(try xe(f), xw)
                var n = 0
                var kept: [Value] = []
                for item in items {
                    f.slots[slot] = item
                    let ok = try Operators.bool(try be(f), bw)
                    if ok {
                        n += 1
                        if kind == "exists" { return .bool(true) }
                        if kind == "filter" { kept.append(item) }
                    } else if kind == "all" {
                        return .bool(false)
                    }
                }
                switch kind {
                case "count": return .number(ExactDecimal(n))
                case "exists": return .bool(false)
                case "all": return .bool(true)
                default: return .list(kept)
                }
            }, constant: nil)
        case "map":
            return CompiledExpr(type: .list(body.type), eval: { f throws(EvaluationError) in
                var out: [Value] = []
                for item in try Operators.list(try xe(f), xw) {
                    f.slots[slot] = item
                    out.append(try be(f))
                }
                return .list(out)
            }, constant: nil)
        case "sum":
            guard body.type.isNumber || c.isNull(body.type) else { throw c.fail("the lambda of sum must give a number", args[1]) }
            return CompiledExpr(type: body.type.isNumber ? body.type : .decimal, eval: { f throws(EvaluationError) in
                var total = ExactDecimal.zero
                for item in try Operators.list(try xe(f), xw) {
                    f.slots[slot] = item
                    total = try Operators.arithmetic(.add, total, try Operators.number(try be(f), bw), whole)
                }
                return .number(total)
            }, constant: nil)
        default:
            throw c.fail("\(name) does not take a lambda", call)
        }
    }
}

/// Renders which days a working-day count skipped, for traces.
enum WorkingDayNote {
    static func describe(call: String, start: Day, n: Int, result: Day,
                         skipped: [(Day, WorkingDayCalendar.Kind)], counted: [(Day, WorkingDayCalendar.Kind)]) -> String {
        let holidays = skipped.filter { $0.1 == .holiday }.map { $0.0.description }
        let weekends = skipped.filter { $0.1 == .weekend }.map { $0.0.description }
        var s = "\(call): counting \(n) working days after \(start) (not counted) reaches \(result)"
        if !holidays.isEmpty { s += "; skipped public holidays \(holidays.joined(separator: ", "))" }
        if !weekends.isEmpty { s += "; skipped weekends \(weekends.joined(separator: ", "))" }
        if !counted.isEmpty { s += "; counted make-up working days \(counted.map { $0.0.description }.joined(separator: ", "))" }
        return s
    }
}
