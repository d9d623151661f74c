package iof

import "github.com/dinie/lending/apierr"

// Class is the borrower's class, which picks the IOF rates (Decreto 6.306/2007,
// art. 7, I, b and VI). The zero value is no class: Compute and Financed refuse it
// rather than guess, because each guess would charge some borrower the wrong tax.
// Its wire and command-line names are pf, pj, simples and mei (String, ParseClass).
type Class uint8

// The borrower classes.
const (
	// Individual is a natural person (pessoa física, "pf"): art. 7, I, b, 2.
	Individual Class = iota + 1
	// Company is a legal person (pessoa jurídica, "pj") outside the Simples
	// Nacional, or any company above ReducedRateLimit: art. 7, I, b, 1.
	Company
	// Simples is a company taxed under the Simples Nacional (Lei Complementar
	// 123/2006, "simples"): the reduced rate of art. 7, VI up to ReducedRateLimit.
	Simples
	// MEI is a microempreendedor individual ("mei"), a Simples Nacional company
	// under the SIMEI (LC 123/2006, art. 18-A): Simples's reduced rates up to
	// ReducedRateLimit, except where a decree sets its own (Decreto 12.466/2025).
	MEI
)

// numClasses is the number of valid classes plus one, the size of tables indexed
// by Class.
const numClasses = int(MEI) + 1

var classNames = [numClasses]string{"", "pf", "pj", "simples", "mei"}

// ReducedRateLimit is the largest principal, in cents, that gets the Simples and
// MEI rates: R$ 30,000.00 (art. 7, VI: "valor igual ou inferior a R$ 30.000,00").
// It is tested on the contract principal P, financed charges included; above it
// the Company rates apply to the whole operation, not to the excess only.
const ReducedRateLimit int64 = 3_000_000

// String returns the wire name of c ("pf", "pj", "simples" or "mei"), or
// "Class(N)" for a value that is none of the constants (the zero Class included).
func (c Class) String() string {
	if c.valid() {
		return classNames[c]
	}
	return "Class(" + itoa(int64(c)) + ")"
}

// Applied returns the class whose rates an operation of the given principal, in
// cents, is taxed at: Company for a Simples or MEI operation whose principal is
// above ReducedRateLimit, c itself otherwise. An invalid c is returned unchanged.
func (c Class) Applied(principalCents int64) Class {
	if (c == Simples || c == MEI) && principalCents > ReducedRateLimit {
		return Company
	}
	return c
}

func (c Class) valid() bool { return c >= Individual && c <= MEI }

// ParseClass returns the Class whose wire name is s, exactly as String writes it
// (lower case). Anything else is an *apierr.Error with code invalid_format,
// param borrower_class and reason apierr.ErrEmpty (for "") or
// ErrUnknownClass. It does not allocate on success.
func ParseClass(s string) (Class, error) {
	for c := Individual; c <= MEI; c++ {
		if s == classNames[c] {
			return c, nil
		}
	}
	if s == "" {
		return 0, apierr.Wrap(apierr.ErrEmpty, apierr.InvalidFormat, paramClass,
			"borrower_class is empty; expected pf, pj, simples or mei")
	}
	return 0, apierr.Wrap(ErrUnknownClass, apierr.InvalidFormat, paramClass,
		"borrower_class %s is not a class; expected pf, pj, simples or mei", quote(s))
}

// MarshalText returns the wire name of c (encoding.TextMarshaler). A value that
// is none of the constants is an error, so an unset class never reaches the wire.
func (c Class) MarshalText() ([]byte, error) {
	if !c.valid() {
		return nil, errClass(c)
	}
	return []byte(classNames[c]), nil
}

// UnmarshalText parses a wire name with ParseClass (encoding.TextUnmarshaler).
// On error c is left unchanged.
func (c *Class) UnmarshalText(text []byte) error {
	v, err := ParseClass(string(text))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
