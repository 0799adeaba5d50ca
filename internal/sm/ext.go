package sm

import "time"

// secretExt is what a secret has beyond its value and labels once it is
// configured for it: a resource policy, a rotation configuration, replicas.
// A secret that has none of these has a nil ext.
type secretExt struct {
	policy   *string   // resource policy as given (spec 3.5)
	rotation *rotation // nil until RotateSecret is called
}

// rotation is a secret's rotation configuration (RotateSecret, spec 3.5).
type rotation struct {
	enabled     bool
	lambdaARN   string
	afterDays   int64  // RotationRules.AutomaticallyAfterDays, 0 if not set
	schedule    string // RotationRules.ScheduleExpression
	duration    string // RotationRules.Duration
	lastRotated *time.Time
}

// extOf returns sec's ext, creating it. The write lock must be held.
func (sec *secret) extOf() *secretExt {
	if sec.ext == nil {
		sec.ext = &secretExt{}
	}
	return sec.ext
}
