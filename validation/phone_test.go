package validation_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"pgregory.net/rapid"

	"github.com/dinie/lending/apierr"
	"github.com/dinie/lending/validation"
)

// Expected values come from docs/documents.md §3's rules: +55, the DDD, and the subscriber
// number with its separators removed.

func TestValidDDD(t *testing.T) {
	// docs/documents.md §3: the 67 valid DDDs.
	want := []int{11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38,
		41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69,
		71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99}
	if len(want) != 67 {
		t.Fatalf("test table has %d DDDs", len(want))
	}
	set := map[int]bool{}
	for _, d := range want {
		set[d] = true
	}
	for d := -1; d <= 100; d++ {
		if validation.ValidDDD(d) != set[d] {
			t.Errorf("ValidDDD(%d) = %v, want %v", d, !set[d], set[d])
		}
	}
}

func TestParsePhone(t *testing.T) {
	ok := []struct{ in, want string }{
		{"+5511912345678", "+5511912345678"},
		{"+55 (11) 91234-5678", "+5511912345678"},
		{"5511912345678", "+5511912345678"},
		{"55 11 91234 5678", "+5511912345678"},
		{"0055 11 91234-5678", "+5511912345678"},
		{"(11) 91234-5678", "+5511912345678"},
		{"11912345678", "+5511912345678"},
		{"(011) 91234-5678", "+5511912345678"},   // trunk 0
		{"0 21 11 91234-5678", "+5511912345678"}, // trunk 0, carrier 21
		{" \t(11) 91234-5678\n", "+5511912345678"},
		{"(11) 3456-7890", "+551134567890"},
		{"+55 11 3456-7890", "+551134567890"},
		{"55 11 3456 7890", "+551134567890"},
		{"0055 1134567890", "+551134567890"},
		{"011 3456-7890", "+551134567890"},
		{"0 15 11 3456-7890", "+551134567890"},
		{"(21) 2345-6789", "+552123456789"},
		{"(31) 4567-8901", "+553145678901"},
		{"(41) 5678-9012", "+554156789012"},
		{"(55) 3222-1234", "+555532221234"}, // DDD 55 is Santa Maria, RS
		{"55 55 3222-1234", "+555532221234"},
		{"(55) 99123-4567", "+5555991234567"},
		{"+55 55 99123 4567", "+5555991234567"},
		{"0 55 55 99123 4567", "+5555991234567"}, // carrier code 55
		{"(99) 98765-4321", "+5599987654321"},
		{"(11) 4121-3456", "+551141213456"}, // a 4 landline outside the 400X series
	}
	for _, c := range ok {
		p, err := validation.ParsePhone(c.in)
		if err != nil || p.String() != c.want {
			t.Errorf("ParsePhone(%q) = %q, %v; want %q", c.in, p, err, c.want)
		}
	}
	bad := []struct {
		in     string
		reason error
	}{
		{"", apierr.ErrEmpty},
		{"  ", apierr.ErrEmpty},
		{"+", apierr.ErrLength},
		{"()-", apierr.ErrLength},
		{"+1 415 555 0100", validation.ErrCountryCode},
		{"+351 912 345 678", validation.ErrCountryCode},
		{"0044 20 7946 0958", validation.ErrCountryCode},
		{"(10) 91234-5678", validation.ErrDDD},
		{"(20) 91234-5678", validation.ErrDDD},
		{"(23) 3456-7890", validation.ErrDDD},
		{"(52) 3456-7890", validation.ErrDDD},
		{"(90) 91234-5678", validation.ErrDDD},
		{"+55 0 11 3456-7890", validation.ErrDDD}, // trunk 0 after the country code
		{"0800 123 4567", validation.ErrNonGeographic},
		{"0800-123-4567", validation.ErrNonGeographic},
		{"0300 789 1234", validation.ErrNonGeographic},
		{"0303 789 1234", validation.ErrNonGeographic},
		{"0500 123 4567", validation.ErrNonGeographic},
		{"0900 123 4567", validation.ErrNonGeographic},
		{"+55 800 123 4567", validation.ErrNonGeographic},
		{"4004-0001", validation.ErrNonGeographic},
		{"3003 1234", validation.ErrNonGeographic},
		{"(11) 4004-0001", validation.ErrNonGeographic},
		{"+55 11 3003-1234", validation.ErrNonGeographic},
		{"190", validation.ErrNonGeographic},
		{"10315", validation.ErrNonGeographic},
		{"91234-5678", apierr.ErrLength}, // no DDD
		{"3456-7890", apierr.ErrLength},
		{"1234567", apierr.ErrLength},
		{"123456789012345678", apierr.ErrLength},
		{"+55 11 91234-56789", apierr.ErrLength},
		{"(11) 1234-5678", validation.ErrSubscriber},
		{"(11) 0234-5678", validation.ErrSubscriber},
		{"(11) 8123-4567", validation.ErrSubscriber},  // 8-digit mobile without the 9
		{"(11) 81234-5678", validation.ErrSubscriber}, // 9 digits not starting with 9
		{"(11) 91234.5678", apierr.ErrCharacter},
		{"11 9123a5678", apierr.ErrCharacter},
		{"11+912345678", apierr.ErrCharacter},
		{"(11) 91234–5678", apierr.ErrCharacter}, // en dash
		{"tel:+5511912345678", apierr.ErrCharacter},
	}
	for _, c := range bad {
		p, err := validation.ParsePhone(c.in)
		if !p.IsZero() {
			t.Errorf("ParsePhone(%q) = %q with an error", c.in, p)
		}
		checkErr(t, "ParsePhone("+c.in+")", err, apierr.InvalidFormat, "phone", c.reason)
	}
}

func TestPhoneValue(t *testing.T) {
	m, _ := validation.ParsePhone("(11) 91234-5678")
	l, _ := validation.ParsePhone("(21) 2345-6789")
	for _, c := range []struct {
		p                       validation.Phone
		e164, national, display string
		ddd                     int
		mobile                  bool
	}{
		{m, "+5511912345678", "11912345678", "(11) 91234-5678", 11, true},
		{l, "+552123456789", "2123456789", "(21) 2345-6789", 21, false},
		{validation.Phone{}, "", "", "", 0, false},
	} {
		p := c.p
		if p.String() != c.e164 || p.National() != c.national || p.Format() != c.display ||
			p.DDD() != c.ddd || p.IsMobile() != c.mobile || p.IsZero() != (c.e164 == "") {
			t.Errorf("%q: %q %q %q %d %v", c.e164, p.String(), p.National(), p.Format(), p.DDD(), p.IsMobile())
		}
	}
	type customer struct {
		Phone validation.Phone `json:"phone"`
	}
	var in customer
	if err := json.Unmarshal([]byte(`{"phone":"(11) 91234-5678"}`), &in); err != nil || in.Phone != m {
		t.Errorf("Unmarshal = %v, %v", in.Phone, err)
	}
	out, _ := json.Marshal(in)
	if string(out) != `{"phone":"+5511912345678"}` {
		t.Errorf("Marshal = %s", out)
	}
	var z customer
	if err := json.Unmarshal([]byte(`{"phone":""}`), &z); err != nil || !z.Phone.IsZero() {
		t.Errorf("Unmarshal empty = %v, %v", z.Phone, err)
	}
	err := json.Unmarshal([]byte(`{"phone":"0800 123 4567"}`), &z)
	checkErr(t, "Unmarshal 0800", err, apierr.InvalidFormat, "phone", validation.ErrNonGeographic)
}

// genPhone draws valid national numbers and writes them in one of the accepted
// shapes; the expected E.164 form is known by construction.
func genPhone() *rapid.Generator[[2]string] {
	ddds := []int{}
	for d := 11; d <= 99; d++ {
		if validation.ValidDDD(d) {
			ddds = append(ddds, d)
		}
	}
	return rapid.Custom(func(t *rapid.T) [2]string {
		ddd := fmt.Sprint(rapid.SampledFrom(ddds).Draw(t, "ddd"))
		var sub string
		if rapid.Bool().Draw(t, "mobile") {
			sub = "9" + rapid.StringMatching(`[0-9]{8}`).Draw(t, "sub")
		} else {
			sub = rapid.StringMatching(`[2-5][1-9][0-9]{6}`).Draw(t, "sub") // [1-9]: not the 300X/400X series
		}
		want := "+55" + ddd + sub
		split := len(sub) - 4
		local := sub[:split] + rapid.SampledFrom([]string{"", "-", " "}).Draw(t, "sep") + sub[split:]
		shape := rapid.SampledFrom([]string{
			"+55 (%s) %s", "+55%s%s", "55 %s %s", "0055 %s %s", "(%s) %s", "%s%s", "(0%s) %s", "0 21 %s %s", "015%s%s",
		}).Draw(t, "shape")
		return [2]string{fmt.Sprintf(shape, ddd, local), want}
	})
}

func TestParsePhoneShapes(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		c := genPhone().Draw(t, "phone")
		p, err := validation.ParsePhone(c[0])
		if err != nil || p.String() != c[1] {
			t.Fatalf("ParsePhone(%q) = %q, %v; want %q", c[0], p, err, c[1])
		}
		checkPhone(t, c[0])
	})
}

// checkPhone: what parses re-parses from its E.164, national and display forms.
func checkPhone(t tb, s string) {
	p, err := validation.ParsePhone(s)
	if err != nil {
		checkErr(t, "ParsePhone("+quoteShort(s)+")", err, apierr.InvalidFormat, "phone", nil)
		return
	}
	for _, form := range []string{p.String(), p.National(), p.Format()} {
		if back, err := validation.ParsePhone(form); err != nil || back != p {
			t.Fatalf("ParsePhone(%q) = %v, %v; want %v (from %q)", form, back, err, p, s)
		}
	}
}

func FuzzParsePhone(f *testing.F) {
	for _, s := range []string{"+55 (11) 91234-5678", "0 21 11 91234-5678", "0800 123 4567", "4004-0001",
		"(11) 3456-7890", "190", "+1 415 555 0100", "", "+"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkPhone(t, s) })
}
