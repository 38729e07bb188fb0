#include "ui/adapter/blob_key.h"

#include "ui/adapter/path_qstring.h"

namespace lantern::ui {

QString blobKey(const core::BlobReference& reference, std::uint32_t sample)
{
    return qStringFromPath(reference.file)
        + QStringLiteral("|%1|%2|%3|%4")
              .arg(reference.location.offset)
              .arg(reference.location.length)
              .arg(reference.valueIndex)
              .arg(sample);
}

} // namespace lantern::ui
