cw init
cw person add --name "Chhim Sithar" --name-km "ឈឹម ស៊ីថា"
cw person add --name "Kang Saran" --name-km "កាំង សារ៉ាន"
cw person add --name "Élise Müller"
cw case add --title "NagaWorld | strike" --court "Phnom Penh Court of First Instance" \
	--stage trial --defendant "Chhim Sithar" --custody detained --charge 494/495
cw case add --title "Saran lèse-majesté" --court "Banteay Meanchey Court of First Instance" \
	--defendant "Kang Saran" --custody detained --charge "437 bis/307"
cw log milestone --person "Chhim Sithar" --case NagaWorld --date 2024-01-04 --type arrest
cw log milestone --person "Kang Saran" --case Saran --date 2024-02-01 --type arrest
cw log milestone --person "Kang Saran" --case Saran --date 2024-02-06 --type charge \
	--detail "charged *again*"
cw log hearing --case NagaWorld --date 2024-02-07 --time 09:00 --stage trial \
	--indicator public_hearing=no:"gallery closed" --indicator reasoned_judgment=yes \
	--monitors-admitted no --outcome adjourned --adjourn-reason "judge ill" \
	--next-date 2024-02-20
cw log hearing --case Saran --date 2024-02-08 --stage verdict --outcome verdict \
	--verdict "437 bis=convicted@Kang Saran" --sentence "3 years"
cw log visit --facility "Correctional Center 2" --date 2024-02-09 --access restricted \
	--concern water,health --detainee "Chhim Sithar" --follow-up "ask for new filters"
cw log demo --date 2024-02-10 --place "Freedom Park" --province "Phnom Penh" \
	--organiser LRSU --cause "release <Sithar>" --participants 200 --response arrests,dispersed \
	--arrested "Élise Müller" --arrests-count 3
cw log hearing --case Saran --date 2024-02 --court "Battambang Appeal Court" \
	--notes "appeal heard
day not given"
cw log hearing --case Saran --date 2024-01-31 --outcome adjourned

