function fr { try { return "ret" } finally { "cleanup" } }
fr
