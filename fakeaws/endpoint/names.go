package endpoint

import (
	"math/big"
	"time"

	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/document"
)

// nameRecorder is a smithy.ShapeSerializer that writes nothing: it keeps
// the names of the members written inside the top-level struct.
type nameRecorder struct {
	depth int
	names []string
}

func (r *nameRecorder) see(s *smithy.Schema) {
	if r.depth == 1 && s != nil {
		r.names = append(r.names, s.MemberName())
	}
}

func (r *nameRecorder) open(s *smithy.Schema) { r.see(s); r.depth++ }
func (r *nameRecorder) close()                { r.depth-- }

func (r *nameRecorder) Bytes() []byte                            { return nil }
func (r *nameRecorder) WriteInt8(s *smithy.Schema, _ int8)       { r.see(s) }
func (r *nameRecorder) WriteInt16(s *smithy.Schema, _ int16)     { r.see(s) }
func (r *nameRecorder) WriteInt32(s *smithy.Schema, _ int32)     { r.see(s) }
func (r *nameRecorder) WriteInt64(s *smithy.Schema, _ int64)     { r.see(s) }
func (r *nameRecorder) WriteFloat32(s *smithy.Schema, _ float32) { r.see(s) }
func (r *nameRecorder) WriteFloat64(s *smithy.Schema, _ float64) { r.see(s) }
func (r *nameRecorder) WriteBool(s *smithy.Schema, _ bool)       { r.see(s) }
func (r *nameRecorder) WriteString(s *smithy.Schema, _ string)   { r.see(s) }
func (r *nameRecorder) WriteBigInt(s *smithy.Schema, _ *big.Int) { r.see(s) }
func (r *nameRecorder) WriteBigFloat(s *smithy.Schema, _ *big.Float) {
	r.see(s)
}
func (r *nameRecorder) WriteBlob(s *smithy.Schema, _ []byte)             { r.see(s) }
func (r *nameRecorder) WriteTime(s *smithy.Schema, _ time.Time)          { r.see(s) }
func (r *nameRecorder) WriteUnion(s, _ *smithy.Schema)                   { r.open(s) }
func (r *nameRecorder) CloseUnion()                                      { r.close() }
func (r *nameRecorder) WriteDocument(s *smithy.Schema, _ document.Value) { r.see(s) }
func (r *nameRecorder) WriteNil(s *smithy.Schema)                        { r.see(s) }
func (r *nameRecorder) WriteStruct(s *smithy.Schema)                     { r.open(s) }
func (r *nameRecorder) CloseStruct()                                     { r.close() }
func (r *nameRecorder) WriteList(s *smithy.Schema)                       { r.open(s) }
func (r *nameRecorder) CloseList()                                       { r.close() }
func (r *nameRecorder) WriteMap(s *smithy.Schema)                        { r.open(s) }
func (r *nameRecorder) WriteKey(*smithy.Schema, string)                  {}
func (r *nameRecorder) CloseMap()                                        { r.close() }
