// Methods are tried in the order `ssh` tries them. Passphrases and passwords go from the prompt
// straight to libssh and are not kept.

#include "core/remote/ssh_authentication.h"

#include <cstring>
#include <libssh/callbacks.h>
#include <libssh/libssh.h>
#include <optional>

namespace lantern::core {
namespace {

// libssh asks for a key's passphrase through this callback.
int askPassphrase(
    const char* prompt, char* buffer, std::size_t length, int echo, int /*verify*/, void* userdata)
{
    const auto& ask = *static_cast<const SshPrompt*>(userdata);
    if (!ask || length == 0)
        return -1;
    const std::optional<std::string> answer = ask(prompt, echo != 0);
    if (!answer || answer->size() >= length)
        return -1;
    std::memcpy(buffer, answer->c_str(), answer->size() + 1);
    return 0;
}

// The session's option `which` ("" when unset).
std::string option(ssh_session session, ssh_options_e which)
{
    char* value = nullptr;
    if (ssh_options_get(session, which, &value) != SSH_OK || !value)
        return {};
    std::string text = value;
    ssh_string_free_char(value);
    return text;
}

// "me@gpu-box": who is logging in where, for prompts (as `ssh` names them).
std::string userAtHost(ssh_session session)
{
    return option(session, SSH_OPTIONS_USER) + "@" + option(session, SSH_OPTIONS_HOST);
}

int keyboardInteractive(ssh_session session, const SshPrompt& prompt)
{
    int result = ssh_userauth_kbdint(session, nullptr, nullptr);
    while (result == SSH_AUTH_INFO) {
        const int prompts = ssh_userauth_kbdint_getnprompts(session);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const char* text = ssh_userauth_kbdint_getprompt(session, unsigned(i), &echo);
            // The server's question ("Password: "), with whom it is from.
            const std::optional<std::string> answer
                = prompt("(" + userAtHost(session) + ") " + (text ? text : ""), echo != 0);
            if (!answer)
                return SSH_AUTH_DENIED;
            ssh_userauth_kbdint_setanswer(session, unsigned(i), answer->c_str());
        }
        result = ssh_userauth_kbdint(session, nullptr, nullptr);
    }
    return result;
}

std::string methodNames(int methods)
{
    std::string names;
    const auto add = [&](int bit, const char* name) {
        if (methods & bit)
            names += names.empty() ? name : std::string(", ") + name;
    };
    add(SSH_AUTH_METHOD_PUBLICKEY, "publickey");
    add(SSH_AUTH_METHOD_INTERACTIVE, "keyboard-interactive");
    add(SSH_AUTH_METHOD_PASSWORD, "password");
    add(SSH_AUTH_METHOD_GSSAPI_MIC, "gssapi-with-mic");
    add(SSH_AUTH_METHOD_HOSTBASED, "hostbased");
    return names.empty() ? "none" : names;
}

} // namespace

std::string authenticate(ssh_session session, const SshPrompt& prompt)
{
    ssh_callbacks_struct callbacks {};
    ssh_callbacks_init(&callbacks);
    callbacks.auth_function = askPassphrase;
    callbacks.userdata = const_cast<SshPrompt*>(&prompt);
    ssh_set_callbacks(session, &callbacks);
    // The callbacks live on this stack frame: the session must not call them after we return.
    struct Unset {
        ssh_session session;
        ~Unset()
        {
            static ssh_callbacks_struct none = [] {
                ssh_callbacks_struct empty {};
                ssh_callbacks_init(&empty);
                return empty;
            }();
            ssh_set_callbacks(session, &none);
        }
    } unset {session};

    int result = ssh_userauth_none(session, nullptr);
    if (result == SSH_AUTH_SUCCESS)
        return {};
    if (result == SSH_AUTH_ERROR)
        return std::string("authentication failed: ") + ssh_get_error(session);
    const int methods = ssh_userauth_list(session, nullptr);
    std::string tried;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        // ssh-agent, then the IdentityFile keys (~/.ssh/id_* unless the config names others).
        result = ssh_userauth_publickey_auto(session, nullptr, nullptr);
        if (result == SSH_AUTH_SUCCESS)
            return {};
        tried = "keys from ssh-agent and the identity files";
    }
    if (prompt && (methods & SSH_AUTH_METHOD_INTERACTIVE)) {
        if (keyboardInteractive(session, prompt) == SSH_AUTH_SUCCESS)
            return {};
        tried += tried.empty() ? "keyboard-interactive" : ", keyboard-interactive";
    }
    if (prompt && (methods & SSH_AUTH_METHOD_PASSWORD)) {
        if (const std::optional<std::string> password
            = prompt(userAtHost(session) + "'s password: ", false)) {
            if (ssh_userauth_password(session, nullptr, password->c_str()) == SSH_AUTH_SUCCESS)
                return {};
            tried += tried.empty() ? "password" : ", password";
        }
    }
    const std::string user = option(session, SSH_OPTIONS_USER);
    const std::string who = user.empty() ? "the user" : "user '" + user + "'";
    return "authentication failed for " + who + " (tried: " + (tried.empty() ? "nothing" : tried)
        + "; the server accepts: " + methodNames(methods) + ")";
}

} // namespace lantern::core
