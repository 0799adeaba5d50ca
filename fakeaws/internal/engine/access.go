package engine

// Access is the token fakeaws.Store.Engine takes. Only packages of this
// module can import engine and so name it; its blank field keeps a struct
// literal written elsewhere from passing for it.
type Access struct{ _ struct{} }
