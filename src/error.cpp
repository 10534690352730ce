// The error classes' messages: one line of valid UTF-8, shortened around the middle
// (detail/utf8.hpp), so that no input can make a message that Python cannot decode or that
// fills a screen.
#include "dtiplan/error.hpp"

#include "detail/utf8.hpp"

namespace dtiplan {
namespace {

std::string joined(const std::string& where, const std::string& what) {
    const std::string w = detail::message_text(where);
    const std::string d = detail::message_text(what);
    return w.empty() ? d : w + ": " + d;
}

}  // namespace

Error::Error(const std::string& where, const std::string& what)
    : std::invalid_argument(joined(where, what)),
      where_(detail::message_text(where)),
      detail_(detail::message_text(what)) {}

}  // namespace dtiplan
