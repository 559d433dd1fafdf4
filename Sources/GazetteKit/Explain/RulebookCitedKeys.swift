extension Decision {
    /// Every citation key the decision refers to, in first-use order: sources, fields, enum values,
    /// steps, table rows and findings. The file's citation map holds its siblings' keys too, so pages
    /// and diffs use this list to show (and compare) only what this decision rests on.
    public var citedKeys: [String] {
        var seen: Set<String> = []
        var out: [String] = []
        func add(_ keys: [String]) {
            for k in keys where seen.insert(k).inserted { out.append(k) }
        }
        add(source)
        for f in inputs + outputs { add(Decision.fieldKeys(f)) }
        for v in versions {
            for s in v.steps {
                switch s {
                case .set(let st): add(st.cite)
                case .finding: break
                case .table(let t): for r in t.rows { add(r.cite) }
                }
            }
        }
        for f in findings { add(f.cite) }
        return out
    }

    /// Keys cited by a field, its enum values and its list items.
    static func fieldKeys(_ f: FieldSpec) -> [String] {
        var keys = f.cite
        keys += typeKeys(f.type)
        if let item = f.items { keys += fieldKeys(item.spec) }
        return keys
    }

    static func typeKeys(_ t: ValueType) -> [String] {
        switch t {
        case .enumeration(let e): return e.cases.flatMap(\.cite)
        case .list(let inner): return typeKeys(inner)
        case .object(let o): return o.fields.flatMap(fieldKeys)
        default: return []
        }
    }
}
