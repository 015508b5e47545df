// Source of cxx-symbols.txt: clang++ --target=riscv32-unknown-elf -march=rv32im -ffreestanding -c cxx-symbols.cpp; llvm-nm | grep _Z
namespace std { typedef unsigned int size_t; typedef decltype(nullptr) nullptr_t; }
namespace ns { struct Foo { Foo(); ~Foo(); int bar(int) const; static void baz(char*, const char*); Foo& operator=(const Foo&); bool operator==(const Foo&) const; void operator()(int); operator int() const; };
  template<typename T> struct Box { T v; T get() const; template<typename U> U conv(U) ; };
  namespace inner { void f(long long, unsigned, double, float, bool, short); } }
template<typename T> T tmax(T a, T b) { return a > b ? a : b; }
template int tmax<int>(int,int);
template double tmax<double>(double,double);
ns::Foo::Foo() {} ns::Foo::~Foo() {}
int ns::Foo::bar(int x) const { return x; }
void ns::Foo::baz(char*, const char*) {}
ns::Foo& ns::Foo::operator=(const ns::Foo&) { return *this; }
bool ns::Foo::operator==(const ns::Foo&) const { return true; }
void ns::Foo::operator()(int) {}
ns::Foo::operator int() const { return 1; }
template<typename T> T ns::Box<T>::get() const { return v; }
template<typename T> template<typename U> U ns::Box<T>::conv(U u) { return u; }
template struct ns::Box<int>; template struct ns::Box<ns::Foo*>;
template long ns::Box<int>::conv<long>(long);
void ns::inner::f(long long, unsigned, double, float, bool, short) {}
void fp(void (*)(int), int (*)[10], int (&)[3], ns::Foo**, const ns::Foo*const*) {}
void rr(int&&, const char&, volatile int*, unsigned char, signed char, wchar_t, unsigned long, std::nullptr_t) {}
template<int N> int arr(int (&)[N]) { return N; }
template int arr<4>(int (&)[4]);
template<bool B, typename T> void tb(T) {}
template void tb<true, ns::Box<ns::Box<int> > >(ns::Box<ns::Box<int> >);
static int counter() { static int c = 0; return ++c; }
int usecounter() { return counter(); }
namespace { void anon(int) {} } void useanon() { anon(1); }
struct V { virtual ~V(); virtual void g(); }; V::~V() {} void V::g() {}
void same(ns::Foo, ns::Foo, ns::Box<int>, ns::Box<int>, ns::Foo*) {}
void *operator new(std::size_t, void *p, int) { return p; }
extern "C" void cfunc(void) {}
