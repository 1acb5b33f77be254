import csv, os, re
HERE=os.path.dirname(os.path.abspath(__file__))
OUT=os.path.dirname(HERE)
def load():
    s=open(os.path.join(HERE,'entries.txt'),encoding='utf-8').read()
    entries=[]
    for block in s.split('=== ')[1:]:
        head,_,text=block.partition('\n')
        f,date,agency,author=head.split('|')
        text=' '.join(text.split())
        entries.append((f.strip(),date.strip(),agency.strip(),author.strip(),text.strip()))
    return entries
def build():
    entries=load()
    files={}
    for e in entries: files.setdefault(e[0],[]).append(e)
    rows={}
    for f,es in files.items():
        with open(os.path.join(OUT,f),'w',newline='',encoding='utf-8') as fh:
            w=csv.writer(fh,lineterminator='\n')
            w.writerow(['Date','Agency','Author','Text'])
            for i,e in enumerate(es):
                w.writerow(e[1:])
                rows[f'{f}:{i+2}']=(e[3],e[4])
    return rows
if __name__=='__main__':
    r=build(); print(len(r),'entries')
