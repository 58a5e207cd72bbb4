// Exact decimal numbers for table arithmetic: an integer count of 1/1000000 units.
#pragma once
#include <compare>
#include <cstdint>
#include <string>

namespace nianbao {

class Decimal {
 public:
  static constexpr int kPlaces = 6;  ///< decimal places kept (万元 amounts: 5949.088667 is 元 to the cent)
  static constexpr std::int64_t kScale = 1'000'000;  ///< 10^kPlaces

  constexpr Decimal() = default;
  static constexpr Decimal from_int(std::int64_t v) { return Decimal(v * kScale); }
  static constexpr Decimal from_scaled(std::int64_t scaled) { return Decimal(scaled); }

  constexpr std::int64_t scaled() const { return scaled_; }
  constexpr bool is_integer() const { return scaled_ % kScale == 0; }
  constexpr bool negative() const { return scaled_ < 0; }

  /// Shortest exact decimal text: "217", "0.5", "-3", "12.25".
  std::string to_string() const;

  constexpr Decimal operator+(Decimal o) const { return Decimal(scaled_ + o.scaled_); }
  constexpr Decimal operator-(Decimal o) const { return Decimal(scaled_ - o.scaled_); }
  constexpr Decimal& operator+=(Decimal o) { scaled_ += o.scaled_; return *this; }
  constexpr auto operator<=>(const Decimal&) const = default;

 private:
  constexpr explicit Decimal(std::int64_t s) : scaled_(s) {}
  std::int64_t scaled_ = 0;
};

}  // namespace nianbao
