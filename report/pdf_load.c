/* pdf_load.c - the PDF writer module found and loaded when a PDF is first asked for; see
 * pdf.h. */
#include "config.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include "models/i18n.h"
#include "report/pdf.h"

#ifndef CW_MODULEDIR
#error "CW_MODULEDIR must say where make install puts pdf.so"
#endif

#define MODULE_NAME "pdf.so"

/* A module that cannot be used, and what to do about it: look at the folder the environment
 * named, if it did. */
static int refuse(struct cw_error *err, int from_env, const char *what)
{
	return cw_error_set(err, CW_EIO, "pdf", "%s: %s", what,
			    from_env
				    ? _("check CASEWATCH_MODULEDIR, or unset it")
				    : _("install casewatch again (make install); the other formats "
					"do not need it"));
}

int cw_pdf_writer(cw_pdf_write_fn *out, struct cw_error *err)
{
	/* Loaded once and never closed, not even when refused: GLib, which the module brings
	 * in, cannot be unloaded. */
	static cw_pdf_write_fn loaded;
	const char *dir = secure_getenv("CASEWATCH_MODULEDIR"), *version;
	const uint64_t *layout;
	char path[4096], what[400];
	void *module, *entry;

	*out = NULL;
	if (loaded) {
		*out = loaded;
		return 0;
	}
	if (!dir || !*dir)
		dir = NULL;
	else if (dir[0] != '/') /* not resolved against whatever folder casewatch runs in */
		return cw_error_set(err, CW_EIO, "pdf",
				    "CASEWATCH_MODULEDIR must be an absolute path, not %.200s",
				    dir);
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir ? dir : CW_MODULEDIR, MODULE_NAME) >=
	    sizeof path)
		return cw_error_set(err, CW_EIO, "pdf", "the module folder's name is too long");
	if (!(module = dlopen(path, RTLD_NOW | RTLD_LOCAL))) {
		snprintf(what, sizeof what, _("cannot load the PDF writer (%.300s)"), dlerror());
		return refuse(err, dir != NULL, what);
	}
	dlerror(); /* what dlsym says below is its own */
	version = dlsym(module, "cw_pdf_version");
	layout = dlsym(module, "cw_pdf_layout");
	entry = dlsym(module, "cw_pdf_write");
	if (!version || !layout || !entry) {
		snprintf(what, sizeof what, _("%.300s is not the PDF writer of casewatch"), path);
		return refuse(err, dir != NULL, what);
	}
	if (strcmp(version, PACKAGE_VERSION) != 0 || *layout != CW_PDF_LAYOUT) {
		snprintf(what, sizeof what,
			 _("%.300s is the PDF writer of another casewatch (%.20s, this is %s)"),
			 path, strcmp(version, PACKAGE_VERSION) ? version : _("another build"),
			 PACKAGE_VERSION);
		return refuse(err, dir != NULL, what);
	}
	/* POSIX makes dlsym's object pointer a function pointer this way; C itself does not. */
	memcpy(&loaded, &entry, sizeof loaded);
	*out = loaded;
	return 0;
}
