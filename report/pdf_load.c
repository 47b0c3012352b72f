/* pdf_load.c - the PDF writer module found and loaded when a PDF is first asked for; see
 * pdf.h. */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "report/pdf.h"

#ifndef CW_MODULEDIR
#error "CW_MODULEDIR must say where make install puts pdf.so"
#endif

#define MODULE_NAME "pdf.so"

int cw_pdf_writer(cw_pdf_write_fn *out, struct cw_error *err)
{
	/* Loaded once and never closed: GLib, which the module brings in, cannot be unloaded. */
	static cw_pdf_write_fn loaded;
	const char *dir = getenv("CASEWATCH_MODULEDIR");
	const uint64_t *layout;
	const char *version;
	char path[4096];
	void *module, *entry;

	*out = NULL;
	if (loaded) {
		*out = loaded;
		return 0;
	}
	if (!dir || !*dir)
		dir = CW_MODULEDIR;
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, MODULE_NAME) >= sizeof path)
		return cw_error_set(err, CW_EIO, "pdf", "the module folder's name is too long");
	if (!(module = dlopen(path, RTLD_NOW | RTLD_LOCAL)))
		return cw_error_set(err, CW_EIO, "pdf",
				    "cannot load the PDF writer (%.300s): install casewatch again "
				    "(make install); the other formats do not need it",
				    dlerror());
	version = dlsym(module, "cw_pdf_version");
	layout = dlsym(module, "cw_pdf_layout");
	entry = dlsym(module, "cw_pdf_write");
	if (!version || !layout || !entry || strcmp(version, PACKAGE_VERSION) != 0 ||
	    *layout != CW_PDF_LAYOUT) {
		dlclose(module);
		return cw_error_set(err, CW_EIO, "pdf",
				    "%.300s is not the PDF writer of this casewatch (%s): install "
				    "casewatch again (make install)",
				    path, PACKAGE_VERSION);
	}
	/* POSIX makes dlsym's object pointer a function pointer this way; C itself does not. */
	memcpy(&loaded, &entry, sizeof loaded);
	*out = loaded;
	return 0;
}
